import { CounterSession } from '../../core/contract/hall-api.js';
import { storedSession } from '../shared/storedSession.js';

/** The clerk stays signed in across a reload of this window, and only in this window (sessionStorage). */
export const SESSION_KEY = 'hall.counter.session';

export const counterSessions = storedSession(SESSION_KEY, CounterSession);
export const { load: loadSession, save: saveSession, clear: clearSession } = counterSessions;

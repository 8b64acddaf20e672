import { StaffSession } from '../../core/contract/supervision-api.js';
import { storedSession } from '../shared/storedSession.js';

/** Signed in for this browser tab only (sessionStorage): a shared office PC forgets it with the tab. */
export const SESSION_KEY = 'hall.supervisor.session';

/** Not kept once past its expiry. */
export const staffSessions = storedSession(SESSION_KEY, StaffSession, (s, now) => Date.parse(s.expiresAt) > now);
export const { load: loadSession, save: saveSession, clear: clearSession } = staffSessions;

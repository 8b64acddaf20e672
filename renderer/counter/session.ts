import { CounterSession } from '../../core/contract/hall-api.js';

/** The clerk stays signed in across a reload of this window, and only in this window (sessionStorage). */
export const SESSION_KEY = 'hall.counter.session';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function loadSession(store: Store | null): CounterSession | null {
  const raw = store?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed = CounterSession.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(store: Store | null, session: CounterSession): void {
  store?.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(store: Store | null): void {
  store?.removeItem(SESSION_KEY);
}

/** The window's sessionStorage, or null where there is none (tests, a locked-down profile). */
export function browserStore(): Store | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

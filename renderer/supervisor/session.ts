import { StaffSession } from '../../core/contract/supervision-api.js';

/** Signed in for this browser tab only (sessionStorage): a shared office PC forgets it with the tab. */
export const SESSION_KEY = 'hall.supervisor.session';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The stored session, unless it is unreadable or already past its expiry. */
export function loadSession(store: Store | null, now: number = Date.now()): StaffSession | null {
  const raw = store?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed = StaffSession.safeParse(JSON.parse(raw));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function saveSession(store: Store | null, session: StaffSession): void {
  store?.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(store: Store | null): void {
  store?.removeItem(SESSION_KEY);
}

export function browserStore(): Store | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

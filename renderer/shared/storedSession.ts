import type { z } from 'zod';

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionStore<S> {
  /** The stored session, unless it is unreadable, not of this screen's shape or no longer usable. */
  load(store: Store | null, now?: number): S | null;
  save(store: Store | null, session: S): void;
  clear(store: Store | null): void;
}

/** A signed-in session kept under `key`; `usable` turns away one the screen knows has ended. */
export function storedSession<S>(key: string, schema: z.ZodType<S>, usable: (session: S, now: number) => boolean = () => true): SessionStore<S> {
  return {
    load(store, now = Date.now()) {
      const raw = store?.getItem(key);
      if (!raw) return null;
      try {
        const parsed = schema.safeParse(JSON.parse(raw));
        return parsed.success && usable(parsed.data, now) ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(store, session) {
      store?.setItem(key, JSON.stringify(session));
    },
    clear(store) {
      store?.removeItem(key);
    },
  };
}

/** The window's sessionStorage, or null where there is none (tests, a locked-down profile). */
export function browserStore(): Store | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

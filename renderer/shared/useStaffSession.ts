import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/i18n.js';
import { browserStore, type SessionStore } from './storedSession.js';

export interface SessionAuth<R extends string> {
  lang: () => string;
  token: () => string | null;
  onUnauthorized: (route: R) => void;
}

/**
 * The signed-in staff session of a screen, kept across a reload, and a client of its own that
 * carries its token: a 401 on a route that takes the token ends the session and says so.
 */
export function useStaffSession<S extends { token: string }, R extends string, C>(
  sessions: SessionStore<S>,
  createClient: (auth: SessionAuth<R>) => C,
  logoutRoute: NoInfer<R>,
) {
  const { i18n } = useTranslation();
  const store = browserStore();
  const sessionRef = useRef<S | null>(null);
  const [session, setSessionState] = useState<S | null>(() => (sessionRef.current = sessions.load(store)));
  const [expired, setExpired] = useState(false);

  // The ref is what the client reads, so a token is in place before the first call after sign-in.
  const setSession = (s: S | null) => {
    sessionRef.current = s;
    if (s) sessions.save(store, s);
    else sessions.clear(store);
    setSessionState(s);
  };
  const latest = useRef(setSession);
  latest.current = setSession;

  const client = useMemo(
    () =>
      createClient({
        lang: () => currentLang(i18n),
        token: () => sessionRef.current?.token ?? null,
        onUnauthorized: (route) => {
          // Signing out with a token the service already forgot is still a sign-out, not an expiry.
          if (!sessionRef.current || route === logoutRoute) return;
          latest.current(null);
          setExpired(true);
        },
      }),
    [i18n, createClient, logoutRoute],
  );

  return {
    session,
    expired,
    client,
    signIn: (s: S) => {
      setExpired(false);
      setSession(s);
    },
    signOut: () => setSession(null),
  };
}

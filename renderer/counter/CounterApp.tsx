/*
 * The counter screen (/counter): a clerk signs in, calls and serves tickets, books phone
 * appointments and reprints slips. Test ids:
 *
 * sign-in   login-form, login-user, login-password, login-counter, login-submit, login-error,
 *           login-expired, counter-lang
 * header    counter-no, counter-staff, presence-state (data-state in|away|out), presence-toggle (F9),
 *           presence-hint, live-state, signout, signout-confirm, signout-yes, signout-no,
 *           offline-banner
 * lines     lines-panel, line (data-line, data-role A|B, data-active), line-name, line-role,
 *           line-waiting-count, line-note, waiting-ticket (data-number), counter-presence-list,
 *           counter-presence (data-counter, data-state)
 * ticket    current-panel, current-ticket (data-state), current-number, current-line,
 *           current-enterprise, current-call-count, current-empty, action-call-next (F2),
 *           action-recall (F3), action-transfer (F4), action-no-show (F6), action-park (F7),
 *           action-finish (F8), transfer-chooser, transfer-target (data-line; or press the line
 *           letter), transfer-cancel (Esc), call-number-form, call-number-input (F10 focuses),
 *           call-number-submit, parked-list, parked-ticket (data-number), parked-call,
 *           action-notice, action-error, queue-error, queue-retry
 * side      side-tab-appointments, side-tab-print
 * booking   appointments-panel, appointment-form, appt-enterprise, appt-contactPhone, appt-matter,
 *           appt-service, appt-date, appt-slot, appt-error-<field>, appointment-error,
 *           appointment-submit, appointment-booked, appointment-code (data-code), appointment-new,
 *           appointment-list, appointment-row (data-code), appointment-phone
 * printing  print-panel, print-job (data-state, data-job), print-job-state, print-reprint, print-error
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterSession } from '../../core/contract/hall-api.js';
import { createClient } from '../api/client.js';
import { ClientProvider } from '../api/context.js';
import { currentLang } from '../i18n/i18n.js';
import { LoginScreen } from './LoginScreen.js';
import { browserStore, clearSession, loadSession, saveSession } from './session.js';
import { Workbench } from './Workbench.js';
import './counter.css';

export default function CounterApp() {
  const { i18n } = useTranslation();
  const store = browserStore();
  const sessionRef = useRef<CounterSession | null>(null);
  const [session, setSessionState] = useState<CounterSession | null>(() => (sessionRef.current = loadSession(store)));
  const [expired, setExpired] = useState(false);

  // The ref is what the client reads, so a token is in place before the first call after sign-in.
  const setSession = (s: CounterSession | null) => {
    sessionRef.current = s;
    if (s) saveSession(store, s);
    else clearSession(store);
    setSessionState(s);
  };
  const setSessionLatest = useRef(setSession);
  setSessionLatest.current = setSession;

  // A counter client of its own: it carries the clerk's token, and a 401 sends the clerk back to sign-in.
  const client = useMemo(
    () =>
      createClient({
        lang: () => currentLang(i18n),
        token: () => sessionRef.current?.token ?? null,
        onUnauthorized: (route) => {
          // Signing out with a token the service already forgot is still a sign-out, not an expiry.
          if (!sessionRef.current || route === 'counterLogout') return;
          setSessionLatest.current(null);
          setExpired(true);
        },
      }),
    [i18n],
  );

  return (
    <ClientProvider client={client}>
      <div className="counter">
        {session ? (
          <Workbench key={session.token} session={session} onSignedOut={() => setSession(null)} />
        ) : (
          <LoginScreen
            expired={expired}
            onSignedIn={(s) => {
              setExpired(false);
              setSession(s);
            }}
          />
        )}
      </div>
    </ClientProvider>
  );
}

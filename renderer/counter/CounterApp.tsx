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
 *           appointment-list, appointment-row (data-code), appointment-phone, appointment-state,
 *           appointment-cancel, appointment-cancel-step, appointment-cancel-reason,
 *           appointment-cancel-confirm, appointment-cancel-keep, appointment-cancel-error,
 *           appointment-cancelled-count
 * printing  print-panel, print-job (data-state, data-job), print-job-state, print-reprint, print-error
 */
import { createClient } from '../api/client.js';
import { ClientProvider } from '../api/context.js';
import { HallZoneProvider } from '../shared/hallZone.js';
import { useStaffSession } from '../shared/useStaffSession.js';
import { LoginScreen } from './LoginScreen.js';
import { counterSessions } from './session.js';
import { Workbench } from './Workbench.js';
import './counter.css';

export default function CounterApp() {
  const { session, expired, client, signIn, signOut } = useStaffSession(counterSessions, createClient, 'counterLogout');

  return (
    <ClientProvider client={client}>
      <div className="counter">
        {session ? (
          <HallZoneProvider zone={session.timeZone}>
            <Workbench key={session.token} session={session} onSignedOut={signOut} />
          </HallZoneProvider>
        ) : (
          <LoginScreen expired={expired} onSignedIn={signIn} />
        )}
      </div>
    </ClientProvider>
  );
}

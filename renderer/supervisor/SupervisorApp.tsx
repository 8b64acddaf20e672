/*
 * The supervision pages (/supervisor), served by the central server, for the supervisor, office,
 * department and discipline-inspection (inspector) accounts; each sees the sections its role may
 * read (access.ts). Test ids:
 *
 * sign-in      sv-login-form, sv-login-user, sv-login-password, sv-login-submit, sv-login-error,
 *              sv-login-expired, sv-lang
 * header       sv-staff (data-role), sv-live-state (data-state connecting|live|stale), sv-signout,
 *              sv-no-sections (clerk and admin accounts), sv-nav-<section> (aria-current="page"),
 *              sv-section (data-section satisfaction|cases|complaints|prohibitions|inspection|queue),
 *              sv-failed-events (data-count: uploaded events the server could not apply; absent at 0)
 * ranges       sv-range (data-from, data-to), sv-range-from, sv-range-to, sv-range-preset (data-preset
 *              today|week|month|quarter), sv-range-invalid
 * satisfaction sv-today, sv-today-services, sv-today-rated, sv-today-good, sv-today-rate, sv-today-bad,
 *              sv-today-not-rated, sv-group (select: day|counter|clerk|matter), sv-sat-table,
 *              sv-sat-row (data-key), sv-sat-total; in each row sv-sat-services, sv-sat-rated,
 *              sv-sat-good, sv-sat-rate, sv-sat-bad, sv-sat-not-rated; sv-sat-empty, sv-sat-error,
 *              sv-live-ratings, sv-rating (data-id, data-level 1..5|none, data-new, data-duplicate),
 *              sv-rating-case (link to the case), sv-live-empty
 * cases        sv-cases-filter-state, sv-cases-filter-overdue, sv-cases-table, sv-case-row (data-id,
 *              data-state, data-overdue, data-escalated), sv-case-deadline, sv-case-state, sv-cases-empty,
 *              sv-case-detail (data-id, data-state), sv-case-close-detail, sv-case-deadline-detail,
 *              sv-case-contact, sv-case-phone, sv-case-steps, sv-case-step (data-action),
 *              sv-case-action-form (data-action return-visit|outcome|feedback|close), sv-case-outcome,
 *              sv-case-fixby, sv-case-note, sv-case-submit, sv-case-error, sv-case-done
 * complaints   sv-complaints-filter-state, sv-complaints-filter-kind, sv-complaints-filter-overdue,
 *              sv-complaints-filter-escalated, sv-complaints-table, sv-complaint-row (data-id, data-code,
 *              data-state, data-overdue, data-escalated), sv-complaint-deadline, sv-complaint-state,
 *              sv-complaint-department, sv-complaint-phone, sv-complaints-empty, sv-complaint-detail
 *              (data-id, data-state), sv-complaint-close-detail, sv-complaint-text, sv-complaint-phone-detail,
 *              sv-complaint-response, sv-complaint-feedback, sv-complaint-steps, sv-complaint-step
 *              (data-action), sv-complaint-action (data-action assign|respond|feedback|close|escalate),
 *              sv-complaint-action-form (data-action), sv-complaint-department-select, sv-complaint-note,
 *              sv-complaint-submit, sv-complaint-cancel, sv-complaint-error
 * prohibitions sv-prohibitions-table, sv-prohibition-row (data-item 1..11), sv-prohibition-count,
 *              sv-prohibitions-total
 * inspection   sv-inspection-complaints, sv-inspection-cases (each holding the rows above),
 *              sv-inspection-empty
 * queue        sv-queue-day (data-date), sv-queue-date, sv-queue-today, sv-queue-hall (data-hall),
 *              sv-queue-not-served, sv-queue-conflict-count, sv-queue-conflicts, sv-queue-conflict
 *              (data-number, data-kind), sv-queue-conflicts-none, sv-queue-overrides, sv-queue-override
 *              (data-counter), sv-queue-overrides-none
 * certificates sv-cert-ready, sv-cert-waiting-count, sv-cert-handed-over, sv-cert-posted, sv-cert-delivered,
 *              sv-cert-reprint-count, sv-cert-conflict-count, sv-cert-waiting, sv-cert-waiting-row (data-id,
 *              data-days), sv-cert-waiting-none, sv-cert-group (select: counter|clerk|type), sv-cert-times
 *              (data-by), sv-cert-time-row (data-key), sv-cert-count, sv-cert-p50, sv-cert-p95 (data-seconds),
 *              sv-cert-times-total, sv-cert-times-none, sv-cert-untimed, sv-cert-reprint-row, sv-cert-reason,
 *              sv-cert-reprints-none, sv-cert-conflict-row, sv-cert-conflicts-none
 * everywhere   sv-flag-overdue, sv-flag-escalated, sv-load-error, sv-retry
 */
import { useStaffSession } from '../shared/useStaffSession.js';
import { createSupervisionClient } from './client.js';
import { SupervisionProvider } from './context.js';
import { LoginScreen } from './LoginScreen.js';
import { staffSessions } from './session.js';
import { Shell } from './Shell.js';
import './supervisor.css';

export default function SupervisorApp() {
  const { session, expired, client, signIn, signOut } = useStaffSession(staffSessions, createSupervisionClient, 'staffLogout');

  return (
    <SupervisionProvider client={client} staff={session?.staff ?? null} timeZone={session?.timeZone ?? null}>
      <div className="sv">
        {session ? (
          <Shell key={session.token} staff={session.staff} onSignedOut={signOut} />
        ) : (
          <LoginScreen expired={expired} onSignedIn={signIn} />
        )}
      </div>
    </SupervisionProvider>
  );
}

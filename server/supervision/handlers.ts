import { TRACK_CODE_MISSES, TRACK_MISSES } from '../../core/common/guess-rules.js';
import { normalizeTrackingCode } from '../../core/common/tracking-code.js';
import { ServerError, type SupervisionLive } from '../../core/contract/index.js';
import type { AttemptLimits } from '../auth/attempt-limits.js';
import { caseAction, caseDetail, listCases } from '../cases/repository.js';
import { complaintAction, complaintDetail, departments, listComplaints, prohibitionCounts, trackOpinion } from '../complaints/repository.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { openFailureCount } from '../events/failures.js';
import type { ServerHandlers } from '../http/register.js';
import { hallDay } from '../../core/common/hall-time.js';
import { queueDay } from '../queue/day.js';
import { satisfaction } from '../ratings/summary.js';
import { latestRatings, ratingViews } from '../ratings/views.js';
import { resetClerkPassword, staffAccounts } from '../staff/password-resets.js';
import { login, logout } from '../staff/sessions.js';
import { escalateOverdue } from './escalation.js';
import { supervisionNames } from './names.js';

type SupervisionHandlers = Pick<
  ServerHandlers,
  | 'staffLogin'
  | 'staffMe'
  | 'staffLogout'
  | 'satisfaction'
  | 'ratings'
  | 'live'
  | 'cases'
  | 'caseDetail'
  | 'caseAction'
  | 'complaints'
  | 'complaintDetail'
  | 'complaintAction'
  | 'departments'
  | 'prohibitions'
  | 'names'
  | 'inspection'
  | 'staffAccounts'
  | 'resetStaffPassword'
  | 'queueDay'
  | 'trackOpinion'
>;

/** Most feed entries one poll answers; the page asks again at once with the new cursor. */
const LIVE_PAGE = 500;

/** Staff sign-in, the supervision views, the follow-up of bad ratings and the complaint workflow. */
export function supervisionHandlers(db: ServerDb, config: ServerConfig, limits: AttemptLimits): SupervisionHandlers {
  const today = () => hallDay(config.now(), config.hallTimeZone);
  const now = () => new Date(config.now());
  // Reads escalate first, so an overdue item never shows as merely late.
  const fresh = () => escalateOverdue(db, config);
  return {
    staffLogin: ({ body }, { clientAddress }) =>
      limits.staffLogin(body.login, clientAddress, () => login(db, body.login, body.password, config.now(), config.staffSessionTtlMs, config.hallTimeZone)),
    staffMe: (_input, { staff }) => ({ login: staff.login, name: staff.name, number: staff.number, role: staff.role, unit: staff.unit }),
    staffLogout: async (_input, { staff }) => {
      await logout(db, staff, config.now());
      return { ok: true as const };
    },
    satisfaction: ({ from, to, by }) => satisfaction(db, from, to, by),
    ratings: async ({ limit, bad }) => ({ ratings: await latestRatings(db, limit, bad) }),
    live: async ({ after }, { staff }) => {
      await fresh();
      const dept = staff.role === 'department';
      const failedEvents = dept ? null : await openFailureCount(db);
      if (after === undefined) {
        const last = await db.selectFrom('supervision_feed').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
        return { cursor: Number(last?.seq ?? 0), ratings: [], cases: [], complaints: [], failedEvents };
      }
      const feed = await db.selectFrom('supervision_feed').select(['seq', 'kind', 'ref']).where('seq', '>', String(after)).orderBy('seq').limit(LIVE_PAGE).execute();
      const refs = (kind: string) => [...new Set(feed.filter((f) => f.kind === kind).map((f) => f.ref))];
      const out: SupervisionLive = {
        cursor: feed.length ? Number(feed[feed.length - 1]!.seq) : after,
        ratings: dept ? [] : await ratingViews(db, refs('rating')),
        cases: dept ? [] : await listCases(db, { ids: refs('case') }, today()),
        complaints: await listComplaints(db, { ids: refs('complaint') }, staff, today()),
        failedEvents,
      };
      return out;
    },
    cases: async ({ state, overdue }) => {
      await fresh();
      return { cases: await listCases(db, { state, overdue }, today()) };
    },
    caseDetail: async ({ params }, { staff }) => {
      await fresh();
      return caseDetail(db, params.id, today(), staff.role);
    },
    caseAction: async ({ params, body }, { staff }) => {
      await caseAction(db, params.id, body, staff.login, now());
      return caseDetail(db, params.id, today(), staff.role);
    },
    complaints: async (filter, { staff }) => {
      await fresh();
      return { complaints: await listComplaints(db, filter, staff, today()) };
    },
    complaintDetail: async ({ params }, { staff }) => {
      await fresh();
      return complaintDetail(db, params.id, staff, today());
    },
    complaintAction: async ({ params, body }, { staff }) => {
      await complaintAction(db, params.id, body, staff, now());
      return complaintDetail(db, params.id, staff, today());
    },
    departments: async () => ({ departments: await departments(db) }),
    prohibitions: async ({ from, to }) => ({ from, to, counts: await prohibitionCounts(db, from, to) }),
    names: () => supervisionNames(db),
    inspection: async (_input, { staff }) => {
      await fresh();
      return {
        complaints: await listComplaints(db, { attention: true }, staff, today()),
        cases: await listCases(db, { attention: true }, today()),
      };
    },
    queueDay: ({ date }) => queueDay(db, date, config.hallTimeZone),
    staffAccounts: () => staffAccounts(db),
    resetStaffPassword: ({ params }, { staff }) => resetClerkPassword(db, params.login, staff, config.now()),
    // Per kiosk and per code, so wrong digits lock a code whichever kiosk they come from; every refusal is NOT_FOUND.
    trackOpinion: ({ code: typed, last4 }, { terminal }) => {
      const code = normalizeTrackingCode(typed) ?? typed;
      return limits.guard(
        [
          { kind: 'track-terminal', key: terminal.id, rule: TRACK_MISSES },
          { kind: 'track-code', key: code, rule: TRACK_CODE_MISSES },
        ],
        () => trackOpinion(db, code, last4),
        (err) => err instanceof ServerError && err.code === 'NOT_FOUND',
      );
    },
  };
}

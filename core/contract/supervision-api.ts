import { z } from 'zod';
import { FreeText, Localized, TimeZone } from './common.js';
import { ComplaintState, OpinionKind, OpinionProgress, TrackQuery, TrackingCode } from './opinions.js';
import { BadReason, RatingLevel } from './ratings.js';
import { CounterNo, QueueConflict, ServiceCode, StaffLogin, Ulid } from './queue.js';
import { HallCode, STAFF_ROLES, StaffRole } from './server-admin.js';
import { certificateSupervisionApi } from './certificate-supervision-api.js';

/**
 * Staff-facing routes of the central server (supervision pages, issue 5) and the one terminal-signed
 * route for tracking an opinion. Staff sign in with POST /api/staff/login and send the token as
 * `Authorization: Bearer <token>`. A route's `roles` are the staff roles that may call it: no or an
 * expired token is 401 STAFF_UNAUTHORIZED, a token of another role is 403 ROLE_FORBIDDEN.
 *
 * Live updates: the pages poll GET /api/supervision/live with the cursor of their last answer
 * (every 3 s is enough; an empty answer is cheap). There is no supervision WebSocket.
 *
 * Privacy: a complainant's or a called-back visitor's phone is sent in full only to the office role
 * (`phone`); everyone else gets `phoneMasked` (138****5678) and `phone: null`.
 */

/** Reading views: satisfaction, ratings, lists. Admin manages accounts and terminals, not cases. */
export const SUPERVISION_READERS = ['supervisor', 'office', 'inspector'] as const satisfies readonly StaffRole[];
const ANY_STAFF = [...STAFF_ROLES];
const READERS = [...SUPERVISION_READERS];

// ---------------------------------------------------------------- staff sign-in

export const StaffLoginRequest = z.object({ login: StaffLogin, password: z.string().min(1).max(256) });
export const StaffIdentity = z.object({
  login: z.string(),
  name: z.string(),
  number: z.string(),
  role: StaffRole,
  /** The department a `department` account answers for (office assigns complaints to it); else null. */
  unit: z.string().nullable(),
});
export type StaffIdentity = z.infer<typeof StaffIdentity>;
export const StaffSession = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  staff: StaffIdentity,
  /** The hall's zone (HALL_TIMEZONE): the pages' today, dates and times are read in it. */
  timeZone: TimeZone,
});
export type StaffSession = z.infer<typeof StaffSession>;

// ---------------------------------------------------------------- satisfaction

export const SATISFACTION_GROUPS = ['day', 'counter', 'clerk', 'matter'] as const;
export const SatisfactionGroup = z.enum(SATISFACTION_GROUPS);

/** Dates are the hall's local dates (HALL_TIMEZONE), both ends included; at most 366 days. */
export const DateRangeQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export const SatisfactionQuery = DateRangeQuery.extend({ by: SatisfactionGroup.default('day') });

/** Duplicate ratings of one service (from a second terminal) are not counted. */
export const SatisfactionRow = z.object({
  /** The date, counter number, clerk number or matter. */
  key: z.string(),
  /** Readable: the clerk's name for `clerk`, "3号窗口"-style counters are labelled by the page. */
  label: z.string(),
  /** Services finished and offered for rating (rated or not). */
  services: z.int(),
  rated: z.int(),
  /** level ≥ 4 */
  good: z.int(),
  /** good / rated, 0..1; null when nothing was rated. */
  goodRate: z.number().nullable(),
  /** level ≤ 2 */
  bad: z.int(),
  notRated: z.int(),
});
export type SatisfactionRow = z.infer<typeof SatisfactionRow>;
export const SatisfactionSummary = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  by: SatisfactionGroup,
  rows: z.array(SatisfactionRow),
  total: SatisfactionRow,
});
export type SatisfactionSummary = z.infer<typeof SatisfactionSummary>;

// ---------------------------------------------------------------- ratings

/** A rating as supervisors see it. There is no rater identity: none is ever recorded. */
export const RatingView = z.object({
  id: Ulid,
  serviceId: Ulid,
  recordedAt: z.iso.datetime({ offset: true }),
  /** Hall-local date of recordedAt. */
  day: z.iso.date(),
  terminal: z.string(),
  counterNo: CounterNo,
  clerkNumber: z.string(),
  /** From the staff accounts; null if the number is unknown to the server. */
  clerkName: z.string().nullable(),
  service: ServiceCode,
  matter: z.string(),
  level: RatingLevel.nullable(),
  reasons: z.array(BadReason),
  comment: z.string().nullable(),
  channel: z.enum(['counter', 'kiosk']),
  /** A second rating of a service already rated through another terminal: kept, not counted. */
  duplicate: z.boolean(),
  /** The follow-up case a bad rating opened. */
  caseId: Ulid.nullable(),
});
export type RatingView = z.infer<typeof RatingView>;

export const RatingsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only bad ratings (level 1 or 2). */
  bad: z.stringbool().default(false),
});

// ---------------------------------------------------------------- follow-up cases (bad ratings)

/** open → visited (return visit made) → resolved (outcome recorded) → fed-back (rater told) → closed. */
export const CASE_STATES = ['open', 'visited', 'resolved', 'fed-back', 'closed'] as const;
export const CaseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseState>;

export const CASE_OUTCOMES = ['fixed', 'fixed-by-deadline', 'explained', 'appealed'] as const;
export const CaseOutcome = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

const Note = FreeText.trim().min(1).max(2000);

export const CaseAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('return-visit'), note: Note }),
  z.object({
    action: z.literal('outcome'),
    outcome: CaseOutcome,
    note: Note,
    /** Required for fixed-by-deadline: when the fix is promised (ledger entry). */
    fixBy: z.iso.date().nullable().default(null),
  }),
  z.object({ action: z.literal('feedback'), note: Note }),
  z.object({ action: z.literal('close'), note: Note.nullable().default(null) }),
]);
export type CaseAction = z.infer<typeof CaseAction>;

export const CaseStep = z.object({
  action: z.enum(['opened', 'return-visit', 'outcome', 'feedback', 'close', 'escalate']),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: z.iso.datetime(),
});

export const CaseSummary = z.object({
  id: Ulid,
  ratingId: Ulid,
  state: CaseState,
  openedAt: z.iso.datetime(),
  /** Hall-local date the rating was filed. */
  filedOn: z.iso.date(),
  /** Filed date + CASE_DEADLINE_WORKING_DAYS working days. */
  deadline: z.iso.date(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  counterNo: CounterNo,
  clerkNumber: z.string(),
  clerkName: z.string().nullable(),
  matter: z.string(),
  level: RatingLevel,
  reasons: z.array(BadReason),
  outcome: CaseOutcome.nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = CaseSummary.extend({
  rating: RatingView,
  fixBy: z.iso.date().nullable(),
  /** The appointment's contact behind the ticket, if any, for the return visit: the office role only (null for every other role). */
  contact: z
    .object({ enterprise: z.string(), phone: z.string().nullable(), phoneMasked: z.string() })
    .nullable(),
  steps: z.array(CaseStep),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CasesQuery = z.object({
  state: CaseState.optional(),
  overdue: z.stringbool().optional(),
});

// ---------------------------------------------------------------- complaints and other opinions

/**
 * Every opinion kind follows the complaint path (review → assign → respond → feedback → close):
 * a suggestion deserves an answer too. The deadline is fixed on receipt: filed date +
 * COMPLAINT_DEADLINE_WORKING_DAYS working days; past it and not yet responded, the item is overdue
 * and escalated to discipline inspection.
 */
export const ComplaintAction = z.discriminatedUnion('action', [
  /** office: reviewed, sent to a department (again, to reassign while not yet responded). */
  z.object({ action: z.literal('assign'), department: FreeText.trim().min(1).max(80), note: Note.nullable().default(null) }),
  /** department (the one assigned): its answer. */
  z.object({ action: z.literal('respond'), note: Note }),
  /** office: what the complainant is told; shown to them on tracking lookup. */
  z.object({ action: z.literal('feedback'), note: Note }),
  /** office */
  z.object({ action: z.literal('close'), note: Note.nullable().default(null) }),
  /** inspector: raise to discipline inspection by hand (overdue items are escalated automatically). */
  z.object({ action: z.literal('escalate'), note: Note }),
]);
export type ComplaintAction = z.infer<typeof ComplaintAction>;
export type ComplaintActionName = ComplaintAction['action'];

/** Which role may take which step (the server enforces it; pages hide the others). */
export const COMPLAINT_STEP_ROLES: Record<ComplaintActionName, StaffRole> = {
  assign: 'office',
  respond: 'department',
  feedback: 'office',
  close: 'office',
  escalate: 'inspector',
};

export const ComplaintStep = z.object({
  action: z.enum(['filed', 'assign', 'respond', 'feedback', 'close', 'escalate', 'overdue']),
  note: z.string().nullable(),
  by: z.string().nullable(),
  department: z.string().nullable(),
  at: z.iso.datetime(),
});

export const ComplaintSummary = z.object({
  id: Ulid,
  trackingCode: TrackingCode,
  kind: OpinionKind,
  state: ComplaintState,
  filedAt: z.iso.datetime({ offset: true }),
  receivedAt: z.iso.datetime(),
  deadline: z.iso.date(),
  department: z.string().nullable(),
  prohibition: z.int().min(1).max(11).nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  /** Full only for the office role; null for everyone else. */
  phone: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** The first 120 characters of the text. */
  excerpt: z.string(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const ComplaintDetail = ComplaintSummary.extend({
  text: z.string(),
  response: z.string().nullable(),
  feedback: z.string().nullable(),
  steps: z.array(ComplaintStep),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const ComplaintsQuery = z.object({
  state: ComplaintState.optional(),
  kind: OpinionKind.optional(),
  overdue: z.stringbool().optional(),
  escalated: z.stringbool().optional(),
});

export const ProhibitionCounts = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** One entry per item 1..11 (zero counts included), complaints and other kinds citing it. */
  counts: z.array(z.object({ item: z.int().min(1).max(11), count: z.int() })),
});

// ---------------------------------------------------------------- live feed

/** Without `after`: nothing but the current cursor (load the lists first, then poll from it). */
export const LiveQuery = z.object({ after: z.coerce.number().int().min(0).optional() });
/** What changed after the cursor: new ratings, new or changed cases and complaints. */
export const SupervisionLive = z.object({
  cursor: z.int(),
  ratings: z.array(RatingView),
  cases: z.array(CaseSummary),
  complaints: z.array(ComplaintSummary),
  /**
   * Uploaded events the server stored but could not apply (a complaint that did not reach the
   * workflow, say), waiting for `server:admin -- events reapply`; on every answer, also the first.
   * Null for the department role.
   */
  failedEvents: z.int().min(0).nullable(),
});
export type SupervisionLive = z.infer<typeof SupervisionLive>;

// ---------------------------------------------------------------- the queue day (issue 10)

/** A hall date (HALL_TIMEZONE). */
export const QueueDayQuery = z.object({ date: z.iso.date() });

/** A clerk let onto a counter another clerk held by a supervisor's sign-in; only while that sign-in still holds the counter. */
export const PresenceOverride = z.object({
  counterNo: CounterNo,
  staff: StaffLogin,
  staffName: z.string().nullable(),
  /** The supervisor who let it through. */
  by: StaffLogin,
  byName: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type PresenceOverride = z.infer<typeof PresenceOverride>;

/** A queue action no server-issued counter session vouched for (taken offline, or posted without one): its clerk is as the terminal said. */
export const UnconfirmedAction = z.object({
  actionId: Ulid,
  action: z.string(),
  number: z.string().nullable(),
  counterNo: CounterNo,
  staff: z.string(),
  staffNumber: z.string(),
  at: z.iso.datetime({ offset: true }),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type UnconfirmedAction = z.infer<typeof UnconfirmedAction>;

export const QueueDayHall = z.object({
  hall: HallCode,
  /** Tickets the day's close-out (QUEUE_CLOSE_OUT) found still waiting or parked: not served that day. */
  notServed: z.int().min(0),
  /** Offline actions of two counters on one ticket, settled by the rule (first in hall time wins; served is never a no-show), oldest first. */
  conflicts: z.array(QueueConflict),
  overrides: z.array(PresenceOverride),
  /** Issue 11: the day's actions marked offline, oldest first. */
  unconfirmed: z.array(UnconfirmedAction).default([]),
});
export const QueueDay = z.object({ date: z.iso.date(), halls: z.array(QueueDayHall) });
export type QueueDay = z.infer<typeof QueueDay>;

export const Inspection = z.object({
  complaints: z.array(ComplaintSummary),
  cases: z.array(CaseSummary),
});

// ---------------------------------------------------------------- staff accounts (issue 12)

/** An account as the office sees it on the supervision pages: names, number, role; never a hash. */
export const StaffAccount = z.object({
  login: StaffLogin,
  name: z.string(),
  latinName: z.string().nullable(),
  number: z.string(),
  role: StaffRole,
  hall: z.string().nullable(),
  hasPhoto: z.boolean(),
  disabled: z.boolean(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** A password reset from these pages, as logged: who reset whose password and when (never the password). */
export const PasswordReset = z.object({
  at: z.iso.datetime({ offset: true }),
  by: StaffLogin,
  byName: z.string().nullable(),
  login: StaffLogin,
  name: z.string().nullable(),
});
export type PasswordReset = z.infer<typeof PasswordReset>;

export const StaffAccounts = z.object({ staff: z.array(StaffAccount), resets: z.array(PasswordReset) });
/** The new password, shown once to the office user who asked for it; it is stored only as a hash. */
export const PasswordResetResult = z.object({ login: StaffLogin, password: z.string(), reset: PasswordReset });
export type PasswordResetResult = z.infer<typeof PasswordResetResult>;

const EmptyQuery = z.object({});
const IdParams = z.object({ id: Ulid });

/** Staff routes (not terminal-signed). Merged into serverApi. */
/**
 * Names the server holds in every language. A rating or an appointment records its matter in Chinese
 * (the line's or the procedure's name, as the terminal showed it): the pages find it here by that text.
 */
export const SupervisionNames = z.object({
  lines: z.array(z.object({ hall: HallCode, code: ServiceCode, name: Localized })),
  procedures: z.array(z.object({ code: z.string(), name: Localized })),
  /** Empty until a catalog is imported on the server. */
  prohibitions: z.array(z.object({ no: z.int().min(1).max(11), text: Localized })),
});
export type SupervisionNames = z.infer<typeof SupervisionNames>;

export const supervisionApi = {
  staffLogin: {
    method: 'POST',
    path: '/api/staff/login',
    summary: 'Staff sign in on the central server; 401 LOGIN_FAILED on a wrong login or password (never says which); 429 TOO_MANY_ATTEMPTS with Retry-After after too many failures',
    signed: false,
    query: EmptyQuery,
    body: StaffLoginRequest,
    response: StaffSession,
  },
  staffMe: {
    method: 'GET',
    path: '/api/staff/me',
    summary: 'The signed-in account',
    signed: false,
    roles: ANY_STAFF,
    query: EmptyQuery,
    response: StaffIdentity,
  },
  staffLogout: {
    method: 'POST',
    path: '/api/staff/logout',
    summary: 'End this session (the token stops working)',
    signed: false,
    roles: ANY_STAFF,
    query: EmptyQuery,
    response: z.object({ ok: z.literal(true) }),
  },
  satisfaction: {
    method: 'GET',
    path: '/api/supervision/satisfaction',
    summary: 'Satisfaction by day, counter, clerk or matter over a date range: services, rated, good share, bad, not rated',
    signed: false,
    roles: READERS,
    query: SatisfactionQuery,
    response: SatisfactionSummary,
  },
  ratings: {
    method: 'GET',
    path: '/api/supervision/ratings',
    summary: 'The latest ratings, newest first (no rater identity: none is recorded)',
    signed: false,
    roles: READERS,
    query: RatingsQuery,
    response: z.object({ ratings: z.array(RatingView) }),
  },
  live: {
    method: 'GET',
    path: '/api/supervision/live',
    summary: 'Ratings, cases and complaints new or changed after the cursor, and how many uploaded events could not be applied; poll with the returned cursor',
    signed: false,
    roles: [...READERS, 'department'],
    query: LiveQuery,
    response: SupervisionLive,
  },
  cases: {
    method: 'GET',
    path: '/api/supervision/cases',
    summary: 'Follow-up cases opened by bad ratings, with deadline, state and whether overdue',
    signed: false,
    roles: READERS,
    query: CasesQuery,
    response: z.object({ cases: z.array(CaseSummary) }),
  },
  caseDetail: {
    method: 'GET',
    path: '/api/supervision/cases/:id',
    summary: 'One follow-up case with its rating, contact (phone in full for office only) and steps',
    signed: false,
    roles: READERS,
    params: IdParams,
    query: EmptyQuery,
    response: CaseDetail,
  },
  caseAction: {
    method: 'POST',
    path: '/api/supervision/cases/:id/actions',
    summary: 'Office: record the return visit, the outcome, the feedback to the rater, close; 409 WORKFLOW_CONFLICT out of order',
    signed: false,
    roles: ['office'],
    params: IdParams,
    query: EmptyQuery,
    body: CaseAction,
    response: CaseDetail,
  },
  complaints: {
    method: 'GET',
    path: '/api/supervision/complaints',
    summary: "Complaints and other opinions with state, deadline, overdue and escalation; a department sees only what is assigned to it",
    signed: false,
    roles: [...READERS, 'department'],
    query: ComplaintsQuery,
    response: z.object({ complaints: z.array(ComplaintSummary) }),
  },
  complaintDetail: {
    method: 'GET',
    path: '/api/supervision/complaints/:id',
    summary: 'One complaint with its text and steps',
    signed: false,
    roles: [...READERS, 'department'],
    params: IdParams,
    query: EmptyQuery,
    response: ComplaintDetail,
  },
  complaintAction: {
    method: 'POST',
    path: '/api/supervision/complaints/:id/actions',
    summary: 'A workflow step; each role only its own (COMPLAINT_STEP_ROLES): 403 ROLE_FORBIDDEN otherwise, 409 WORKFLOW_CONFLICT out of order',
    signed: false,
    roles: ['office', 'department', 'inspector'],
    params: IdParams,
    query: EmptyQuery,
    body: ComplaintAction,
    response: ComplaintDetail,
  },
  departments: {
    method: 'GET',
    path: '/api/supervision/departments',
    summary: 'Departments that complaints can be assigned to (units of active department accounts)',
    signed: false,
    roles: ['office', 'supervisor', 'inspector'],
    query: EmptyQuery,
    response: z.object({ departments: z.array(z.string()) }),
  },
  prohibitions: {
    method: 'GET',
    path: '/api/supervision/prohibitions',
    summary: 'How often each of the eleven prohibitions was cited in a date range',
    signed: false,
    roles: READERS,
    query: DateRangeQuery,
    response: ProhibitionCounts,
  },
  names: {
    method: 'GET',
    path: '/api/supervision/names',
    summary: "The hall's lines, the catalog's procedures and the eleven prohibitions in every language, for showing a recorded matter or a cited item in the page's language",
    signed: false,
    roles: [...READERS, 'department'],
    query: EmptyQuery,
    response: SupervisionNames,
  },
  queueDay: {
    method: 'GET',
    path: '/api/supervision/queue',
    summary: "A day of each hall's queue: conflicts between counters, tickets not served that day, counters taken over with a supervisor's sign-in",
    signed: false,
    roles: READERS,
    query: QueueDayQuery,
    response: QueueDay,
  },
  staffAccounts: {
    method: 'GET',
    path: '/api/supervision/staff',
    summary: 'Office: the staff accounts (names, numbers, roles) and the latest password resets made from these pages',
    signed: false,
    roles: ['office'],
    query: EmptyQuery,
    response: StaffAccounts,
  },
  resetStaffPassword: {
    method: 'POST',
    path: '/api/supervision/staff/:login/password',
    summary:
      "Office: a new password for an active clerk, answered once; the old one stops working (at the counters once they sync). Logged with who and when. 404 NOT_FOUND for no such active account, 403 NOT_A_COUNTER_CLERK for another role's",
    signed: false,
    roles: ['office'],
    params: z.object({ login: StaffLogin }),
    query: EmptyQuery,
    body: z.object({}),
    response: PasswordResetResult,
  },
  inspection: {
    method: 'GET',
    path: '/api/supervision/inspection',
    summary: 'Discipline inspection: overdue or escalated complaints and cases',
    signed: false,
    roles: ['inspector', 'supervisor'],
    query: EmptyQuery,
    response: Inspection,
  },
  ...certificateSupervisionApi,
} as const;

/** Terminal-signed: the kiosk looks up progress on the visitor's behalf. */
export const serverOpinionApi = {
  trackOpinion: {
    method: 'GET',
    path: '/api/opinions/track',
    summary: 'Progress by tracking code (signed); with a phone on file the last four digits must match, else 404 NOT_FOUND (never says which part was wrong)',
    signed: true,
    terminalRoles: ['kiosk'],
    query: TrackQuery,
    response: OpinionProgress,
  },
} as const;

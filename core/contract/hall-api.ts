import { z } from 'zod';
import { AnnouncementList } from './announcements.js';
import { FreeText, Lang, LangQuery, Localized, TimeZone } from './common.js';
import { A4Job, PrinterStatus, PrintJob } from './print.js';
import { SyncProblem } from './sync-problem.js';
import { Appointment, CancelReason, CounterNo, CounterPresence, NewAppointment, PresenceState, QueueActionName, QueueConflict, RatingCode, ServiceCode, Ticket, Ulid } from './queue.js';

/** Terminal-service routes of the hall queue, printing and sync status; merged into `api`. */

export const QueueLine = z.object({
  code: ServiceCode,
  name: z.string(),
  counterArea: z.string(),
  /** The counters serving the line (empty for a line configured with free text only). */
  counters: z.array(CounterNo).default([]),
  waiting: z.int().min(0),
});

export const QueueLines = z.object({
  lines: z.array(QueueLine),
  /** False while the central server is unreachable: tickets are then numbered by this terminal. */
  online: z.boolean(),
});

/** A counter as a visitor should read it: open (a clerk signed in and there), away (signed in, stepped away) or closed (nobody signed in). */
export const CounterOpenness = z.enum(['open', 'away', 'closed']);
export type CounterOpenness = z.infer<typeof CounterOpenness>;

/** Where a procedure is served now: its line in this hall and that line's counters, open while a clerk is signed in there. */
export const ProcedureLine = z.object({
  line: z
    .object({
      code: ServiceCode,
      name: z.string(),
      counterArea: z.string(),
      counters: z.array(z.object({ counterNo: CounterNo, state: CounterOpenness })),
      waiting: z.int().min(0),
    })
    .nullable(),
  /** False while the central server is unreachable: who is signed in may be out of date. */
  online: z.boolean(),
});
export type ProcedureLine = z.infer<typeof ProcedureLine>;

/** What the kiosk shows and prints once a ticket is issued. */
export const IssuedTicket = z.object({
  ticket: Ticket,
  ahead: z.int().min(0),
  serviceName: z.string(),
  counterArea: z.string(),
  counters: z.array(CounterNo).default([]),
  /** Encoded in the QR code on the slip and on screen. */
  qr: z.string(),
  /** The rating code printed on the slip and shown with the ticket: with the number, it lets the holder rate the service at a kiosk. */
  ratingCode: RatingCode,
  /** queued: the slip is printing; no-printer/printer-down: show the ticket on screen; skipped: the visitor chose the screen. */
  print: z.enum(['queued', 'no-printer', 'printer-down', 'skipped']),
  jobId: z.string().nullable(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

export const IssueTicketBody = z.object({ service: ServiceCode, lang: Lang.default('zh-CN'), print: z.boolean().default(true) });

export const CheckinBody = z.discriminatedUnion('by', [
  /**
   * The six-digit code read out on the phone, or the text of the confirmation's QR code, with the
   * booking phone's last four digits (typed, or carried by the QR): a code alone is not enough.
   */
  z.object({
    by: z.literal('code'),
    code: FreeText.trim().min(1).max(200),
    last4: z.string().regex(/^\d{4}$/).nullable().default(null),
    lang: Lang.default('zh-CN'),
    print: z.boolean().default(true),
  }),
  /** After choosing the enterprise among the appointments for the phone's last four digits. */
  z.object({ by: z.literal('phone'), appointmentId: Ulid, last4: z.string().regex(/^\d{4}$/), lang: Lang.default('zh-CN'), print: z.boolean().default(true) }),
]);

export const PhoneLookupQuery = z.object({ last4: z.string().regex(/^\d{4}$/) });
/** Today's bookings for four digits: just enough for the visitor to pick their enterprise, whose name is masked (华夏**有限公司). */
export const PhoneLookup = z.object({
  appointments: z.array(z.object({ id: Ulid, enterprise: z.string(), matter: z.string(), from: z.string(), to: z.string() })),
});

export const StaffSummary = z.object({ login: z.string(), name: z.string(), number: z.string() });
export type StaffSummary = z.infer<typeof StaffSummary>;

export const CounterLoginBody = z.object({
  login: FreeText.trim().min(1).max(32),
  password: z.string().min(1).max(256),
  counterNo: CounterNo,
  /** To take a counter another clerk holds (COUNTER_IN_USE): a supervisor's or an admin's login and password. */
  supervisor: z
    .object({ login: FreeText.trim().min(1).max(32), password: z.string().min(1).max(256) })
    .nullable()
    .default(null),
});
/** The clerk signed in at this counter PC, as the visitor sees them (issue 12: a person, not a login). */
export const WindowClerk = z.object({
  counterNo: CounterNo,
  /** The display name in Chinese (王芳). */
  name: z.string(),
  /** Its Latin form for the en and ru screens, or null (they show `name`). */
  latinName: z.string().nullable(),
  number: z.string(),
  /** A data: URL of the JPEG, or null when the server has none. */
  photo: z.string().nullable(),
  presence: PresenceState,
});
export type WindowClerk = z.infer<typeof WindowClerk>;

export const CounterSession = z.object({
  /** Sent as `Authorization: Bearer <token>` on every counter route. */
  token: z.string(),
  staff: StaffSummary,
  counterNo: CounterNo,
  /** The hall's zone (TIME_ZONE): the counter's today and call times are read in it. */
  timeZone: TimeZone,
});
export type CounterSession = z.infer<typeof CounterSession>;

export const CounterLine = z.object({
  code: ServiceCode,
  /** In every language: the screen shows the clerk's. */
  name: Localized,
  /** This clerk's part in the line (AB角). A B line is served only while its A clerk is away. */
  role: z.enum(['A', 'B']),
  active: z.boolean(),
  waiting: z.array(Ticket),
});
export const CounterQueue = z.object({
  counterNo: CounterNo,
  staff: StaffSummary,
  presence: PresenceState,
  online: z.boolean(),
  lines: z.array(CounterLine),
  /** Every line of the hall, for transfers. */
  services: z.array(z.object({ code: ServiceCode, name: Localized })),
  current: Ticket.nullable(),
  parked: z.array(Ticket),
  counters: z.array(CounterPresence),
  /** This counter's calls the server set aside for another counter's, not yet read by the clerk. */
  conflicts: z.array(QueueConflict),
});
export type CounterQueue = z.infer<typeof CounterQueue>;

export const CounterActionBody = z.object({
  action: QueueActionName,
  ticketId: Ulid.optional(),
  /** A number typed in by the clerk (call by number). */
  number: FreeText.trim().toUpperCase().min(2).max(16).optional(),
  toService: ServiceCode.optional(),
});
export const CounterActionResult = z.object({
  ticket: Ticket.nullable(),
  /** True when the central server was unreachable and the action was recorded here for later. */
  offline: z.boolean(),
});

export const CounterPresenceBody = z.object({ state: z.enum(['in', 'away']) });

export const AppointmentBody = NewAppointment.omit({ createdBy: true });
export const DateQuery = z.object({ date: z.iso.date() });
/** requestId is chosen once per cancellation by the screen, so trying again after no answer cancels once. */
export const CancelAppointmentBody = z.object({ requestId: Ulid, reason: CancelReason });

export const BoardView = z.object({
  hall: z.string(),
  online: z.boolean(),
  counters: z.array(
    z.object({
      counterNo: CounterNo,
      number: z.string().nullable(),
      service: ServiceCode.nullable(),
      staffNumber: z.string().nullable(),
      presence: CounterOpenness,
    }),
  ),
  recent: z.array(z.object({ number: z.string(), counterNo: CounterNo, calledAt: z.string(), callCount: z.int() })),
  waiting: z.array(z.object({ service: ServiceCode, name: Localized, count: z.int().min(0) })),
  timeZone: TimeZone,
});
export type BoardView = z.infer<typeof BoardView>;

export const SyncStatusView = z.object({
  enrolled: z.boolean(),
  terminal: z.object({ id: z.string(), name: z.string(), hall: z.string(), ticketPrefix: z.string().nullable() }).nullable(),
  /** The live channel to the central server is open, or the last request to it succeeded. */
  online: z.boolean(),
  backlog: z.int().min(0),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Why this enrolled terminal does not sync now, in a form the screen says in words; null when all is well. */
  problem: SyncProblem.nullable(),
  clock: z.object({
    state: z.enum(['unknown', 'ok', 'drifted']),
    offsetMs: z.int().nullable(),
    boundMs: z.int(),
    measuredAt: z.string().nullable(),
  }),
  deadLetters: z.array(z.object({ deviceSeq: z.int(), type: z.string(), createdAt: z.string(), deadAt: z.string(), reason: z.string() })),
  /** Today's conflicts between this hall's counters (two called one ticket offline…), as the central server reported them, oldest first. */
  conflicts: z.array(QueueConflict),
  timeZone: TimeZone,
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

const EmptyQuery = z.object({});
const IdParams = z.object({ id: FreeText.min(1).max(64) });

export const hallApi = {
  announcements: {
    method: 'GET',
    path: '/api/announcements',
    summary: "The office's notices for this hall that are current today",
    query: LangQuery,
    response: AnnouncementList,
  },
  syncStatus: {
    method: 'GET',
    path: '/api/status',
    summary: "Sync health: online, backlog, last sync, clock offset and drift, dead letters, today's queue conflicts between counters",
    query: EmptyQuery,
    response: SyncStatusView,
  },
  queueLines: {
    method: 'GET',
    path: '/api/queue/lines',
    summary: 'The queue lines a visitor can take a ticket for, with people waiting',
    query: LangQuery,
    response: QueueLines,
  },
  procedureLine: {
    method: 'GET',
    path: '/api/procedures/:id/line',
    summary: "The line that serves a procedure in this hall, its counters open or closed now, and people waiting",
    params: IdParams,
    query: LangQuery,
    response: ProcedureLine,
  },
  takeTicket: {
    method: 'POST',
    path: '/api/queue/tickets',
    summary: 'A walk-in ticket: numbered by the central server, or by this terminal with its prefix while offline; printed',
    query: EmptyQuery,
    body: IssueTicketBody,
    response: IssuedTicket,
  },
  checkin: {
    method: 'POST',
    path: '/api/checkin',
    summary: 'Check in for an appointment by code and phone digits (or the QR text carrying both), or by phone digits and chosen enterprise; issues and prints a ticket; 429 TOO_MANY_ATTEMPTS with Retry-After after repeated misses at this terminal',
    query: EmptyQuery,
    body: CheckinBody,
    response: IssuedTicket,
  },
  checkinByPhone: {
    method: 'GET',
    path: '/api/checkin/phone',
    summary: "Today's appointments whose phone ends in the four digits, enterprise names masked; 429 TOO_MANY_ATTEMPTS with Retry-After after repeated empty look-ups at this terminal",
    query: PhoneLookupQuery,
    response: PhoneLookup,
  },
  printerStatus: {
    method: 'GET',
    path: '/api/printer',
    summary: 'Whether the slip printer is configured and ready, and what last failed',
    query: EmptyQuery,
    response: PrinterStatus,
  },
  printChecklist: {
    method: 'POST',
    path: '/api/procedures/:id/checklist',
    summary: "Print a procedure's materials checklist on a slip",
    params: IdParams,
    query: EmptyQuery,
    body: z.object({ lang: Lang.default('zh-CN') }),
    response: z.object({ jobId: z.string().nullable(), printer: PrinterStatus }),
  },
  board: {
    method: 'GET',
    path: '/api/board',
    summary: 'The call board: current call per counter, the last calls, people waiting per line',
    query: EmptyQuery,
    response: BoardView,
  },
  counterLogin: {
    method: 'POST',
    path: '/api/counter/login',
    summary:
      'A clerk signs in at a counter with the last known credentials (works offline). 409 SIGNED_IN_ELSEWHERE when the login is signed in at another counter, COUNTER_IN_USE when another clerk holds this one (a supervisor may override)',
    query: EmptyQuery,
    body: CounterLoginBody,
    response: CounterSession,
  },
  counterLogout: {
    method: 'POST',
    path: '/api/counter/logout',
    summary: 'Sign out (staff token)',
    staff: true,
    query: EmptyQuery,
    body: z.object({}),
    response: z.object({ ok: z.literal(true) }),
  },
  counterPresence: {
    method: 'POST',
    path: '/api/counter/presence',
    summary: 'The clerk steps away or is back (staff token); an away A clerk hands the line to B',
    staff: true,
    query: EmptyQuery,
    body: CounterPresenceBody,
    response: CounterQueue,
  },
  windowClerk: {
    method: 'GET',
    path: '/api/window/clerk',
    summary: "Who serves at this counter PC now (display names, staff number, photo), for its counter and rating screens; null when nobody is signed in",
    query: EmptyQuery,
    response: z.object({ clerk: WindowClerk.nullable() }),
  },
  counterQueue: {
    method: 'GET',
    path: '/api/counter/queue',
    summary: "The counter's lines (A and B), waiting tickets, current and parked tickets (staff token)",
    staff: true,
    query: EmptyQuery,
    response: CounterQueue,
  },
  counterConflictRead: {
    method: 'POST',
    path: '/api/counter/conflicts/:id/read',
    summary: 'The clerk has read that a call of theirs was set aside for another counter (staff token)',
    staff: true,
    params: z.object({ id: Ulid }),
    query: EmptyQuery,
    body: z.object({}),
    response: CounterQueue,
  },
  counterAction: {
    method: 'POST',
    path: '/api/counter/actions',
    summary: 'Call next, call by number, recall, transfer, no-show, park, finish (staff token)',
    staff: true,
    query: EmptyQuery,
    body: CounterActionBody,
    response: CounterActionResult,
  },
  createAppointment: {
    method: 'POST',
    path: '/api/counter/appointments',
    summary: 'Book an appointment taken by phone (staff token; needs the central server)',
    staff: true,
    query: EmptyQuery,
    body: AppointmentBody,
    response: Appointment,
  },
  cancelAppointment: {
    method: 'POST',
    path: '/api/counter/appointments/:id/cancel',
    summary: 'Cancel a booked appointment (staff token; needs the central server); 409 ALREADY_CHECKED_IN or ALREADY_CANCELLED; the same requestId again answers the same',
    staff: true,
    params: z.object({ id: Ulid }),
    query: EmptyQuery,
    body: CancelAppointmentBody,
    response: Appointment,
  },
  listAppointments: {
    method: 'GET',
    path: '/api/counter/appointments',
    summary: 'Appointments of this hall on a date, phones masked (staff token)',
    staff: true,
    query: DateQuery,
    response: z.object({ appointments: z.array(Appointment) }),
  },
  printJobs: {
    method: 'GET',
    path: '/api/counter/print-jobs',
    summary: "This terminal's recent print jobs (staff token)",
    staff: true,
    query: EmptyQuery,
    response: z.object({ jobs: z.array(PrintJob) }),
  },
  reprint: {
    method: 'POST',
    path: '/api/counter/print-jobs/:id/reprint',
    summary: 'Print a job again (staff token)',
    staff: true,
    params: IdParams,
    query: EmptyQuery,
    body: z.object({}),
    response: PrintJob,
  },
  a4Jobs: {
    method: 'GET',
    path: '/api/counter/a4-jobs',
    summary: "This counter's recent A4 print jobs (certificates) with their state and the printer's reason for a failure (staff token); configured: false when A4_PRINTER is not set",
    staff: true,
    query: EmptyQuery,
    response: z.object({ configured: z.boolean(), jobs: z.array(A4Job) }),
  },
  reprintA4: {
    method: 'POST',
    path: '/api/counter/a4-jobs/:id/reprint',
    summary: 'Print an A4 job again (staff token): a finished or given-up job is copied into a new one, a waiting retry goes now; 404 NOT_FOUND, 503 NO_A4_PRINTER',
    staff: true,
    params: IdParams,
    query: EmptyQuery,
    body: z.object({}),
    response: A4Job,
  },
} as const;

/** What the terminal service pushes to its screens over /api/live. */
export const ScreenMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), deviceId: z.string(), role: z.string() }),
  /** Something in the queue changed: refetch. */
  z.object({ type: z.literal('queue') }),
  /** A ticket was called or recalled: the board shows and announces it. */
  z.object({ type: z.literal('call'), number: z.string(), counterNo: CounterNo, callCount: z.int() }),
  z.object({ type: z.literal('status') }),
  /** The rating screen's prompt changed (a service finished, was rated or timed out): refetch. */
  z.object({ type: z.literal('rating') }),
  /** A code read by the terminal's serial scanner (the kiosk treats it like a wedge scan). */
  z.object({ type: z.literal('scan'), code: z.string() }),
]);
export type ScreenMessage = z.infer<typeof ScreenMessage>;

import { z } from 'zod';
import { FreeText, Localized } from './common.js';
import { HallCode } from './server-admin.js';

/**
 * The hall queue (issue 4). The central server owns the live order: it numbers tickets and picks
 * who is called next. Terminals keep a replica, and while the server is unreachable they issue
 * tickets numbered with their own prefix and call tickets they know of; the outbox carries every
 * issue and call up as events, which the server applies idempotently (by ticket id and action id).
 */

export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a ULID');

/** One letter per queue line: A, B, C… */
export const ServiceCode = z.string().regex(/^[A-Z]$/);
export type ServiceCode = z.infer<typeof ServiceCode>;

export const CounterNo = z.int().min(1).max(99);
export const StaffLogin = z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,31}$/);

/** A queue line, with its A and B clerks (AB角): when A is away, B's counter takes the line. */
export const QueueService = z.object({
  code: ServiceCode,
  name: Localized,
  /**
   * The counters (window numbers) that serve this line: where the visitor goes. The text shown and
   * printed ("1–2号窗口", "Counters 1–2") is derived from them in the visitor's language.
   */
  counters: z.array(CounterNo).default([]),
  /** Legacy free text ("1–3号窗口"), shown only for a line that names no counters. */
  counterArea: FreeText.min(1).max(40).optional(),
  /** Catalog procedure codes served on this line (the kiosk suggests the line from a procedure). */
  procedures: z.array(FreeText).default([]),
  aClerk: StaffLogin.nullable(),
  bClerk: StaffLogin.nullable(),
});
export type QueueService = z.infer<typeof QueueService>;

/** A hall's queue lines and counters: reference data, server-authoritative, synced down as `hall-config`. */
export const HallConfig = z.object({
  hall: HallCode,
  services: z.array(QueueService).min(1).max(26),
  counters: z.array(CounterNo).min(1),
});
export type HallConfig = z.infer<typeof HallConfig>;

/** `not-served`: still waiting or parked when the hall's day closed (QUEUE_CLOSE_OUT); counted, never called. */
export const TICKET_STATES = ['waiting', 'called', 'parked', 'done', 'no-show', 'not-served'] as const;
export const TicketState = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof TicketState>;

export const Ticket = z.object({
  id: Ulid,
  hall: HallCode,
  /** A012 when numbered by the server; T3-A005 when a terminal numbered it offline (T3 = its prefix). */
  number: z.string().min(2).max(16),
  service: ServiceCode,
  state: TicketState,
  appointmentId: Ulid.nullable(),
  /** The enterprise of an appointment ticket, for the clerk; null for walk-ins. */
  enterprise: z.string().nullable(),
  issuedAt: z.iso.datetime({ offset: true }),
  offline: z.boolean(),
  counterNo: CounterNo.nullable(),
  calledAt: z.iso.datetime({ offset: true }).nullable(),
  /** Staff number (工号) of the clerk who called it; never the visitor's data. */
  calledBy: z.string().nullable(),
  callCount: z.int().min(0),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * An appointment ticket a kiosk issued offline for an appointment that, as the server learned on
   * upload, was already checked in with another ticket or was cancelled: shown to the clerk, not promoted.
   */
  appointmentFlag: z.enum(['checked-in-twice', 'cancelled']).nullable().default(null),
});
export type Ticket = z.infer<typeof Ticket>;

export const QUEUE_ACTIONS = ['call-next', 'call', 'recall', 'transfer', 'no-show', 'park', 'finish'] as const;
export const QueueActionName = z.enum(QUEUE_ACTIONS);
export type QueueActionName = z.infer<typeof QueueActionName>;

/** A counter's action. `call-next` names the lines it serves; the others name a ticket by id or number. */
export const QueueAction = z.object({
  actionId: Ulid,
  action: QueueActionName,
  hall: HallCode,
  counterNo: CounterNo,
  staff: StaffLogin,
  /** Staff number shown to visitors (工号). */
  staffNumber: FreeText.min(1).max(32),
  ticketId: Ulid.nullable().default(null),
  number: FreeText.min(2).max(16).nullable().default(null),
  services: z.array(ServiceCode).default([]),
  toService: ServiceCode.nullable().default(null),
  at: z.iso.datetime({ offset: true }),
});
export type QueueAction = z.infer<typeof QueueAction>;

export const PRESENCE_STATES = ['in', 'away', 'out'] as const;
export const PresenceState = z.enum(PRESENCE_STATES);
export type PresenceState = z.infer<typeof PresenceState>;

export const CounterPresence = z.object({
  counterNo: CounterNo,
  staff: StaffLogin.nullable(),
  staffName: z.string().nullable(),
  staffNumber: z.string().nullable(),
  state: PresenceState,
  since: z.iso.datetime({ offset: true }),
});
export type CounterPresence = z.infer<typeof CounterPresence>;

/**
 * A clerk signs in at a counter ('in'), steps away or comes back, or signs out ('out'): an outbox event
 * (`queue.presence`) like any other, and while the server answers also posted at once, with the same id.
 * The server keeps per counter the newest change by `at`, so a change that arrives late never
 * overwrites a newer one, and the same change twice applies once.
 */
export const PresenceChange = z.object({
  id: Ulid,
  counterNo: CounterNo,
  staff: StaffLogin,
  state: PresenceState,
  /** When the clerk did it: the terminal's clock with the server's offset applied. */
  at: z.iso.datetime({ offset: true }),
  /** The supervisor (or admin) who let this clerk take a counter another clerk held. */
  overriddenBy: StaffLogin.nullable().default(null),
});
export type PresenceChange = z.infer<typeof PresenceChange>;

/**
 * Two counters acted on one ticket without knowing of each other (offline). The rule
 * (core/common/queue-rules resolveTicket): the first call in hall time keeps the ticket, except that a
 * counter that served it keeps it over one that did not, so a served ticket never becomes a no-show.
 * `called-twice`: the lost counter called it after the kept one; `served-elsewhere`: the kept counter served it.
 */
export const ConflictKind = z.enum(['called-twice', 'served-elsewhere']);
export type ConflictKind = z.infer<typeof ConflictKind>;

export const QueueConflict = z.object({
  /** The lost counter's call that was set aside; one conflict per lost call. */
  id: Ulid,
  hall: HallCode,
  ticketId: Ulid,
  number: z.string(),
  kind: ConflictKind,
  keptCounter: CounterNo,
  lostCounter: CounterNo,
  /** When the lost counter called the ticket, and when the server found the conflict. */
  lostAt: z.iso.datetime({ offset: true }),
  detectedAt: z.iso.datetime({ offset: true }),
});
export type QueueConflict = z.infer<typeof QueueConflict>;

/** The hall's live queue: today's tickets not yet finished plus the recent calls. */
export const QueueState = z.object({
  hall: HallCode,
  tickets: z.array(Ticket),
  presence: z.array(CounterPresence),
  /** Today's conflicts between counters, oldest first. */
  conflicts: z.array(QueueConflict).default([]),
  serverTime: z.int(),
});
export type QueueState = z.infer<typeof QueueState>;

/** Pushed to a hall's terminals over the live channel (LiveMessage type 'hall'). */
export const QueueHallEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: Ticket }),
  z.object({ kind: z.literal('presence'), presence: CounterPresence }),
  z.object({ kind: z.literal('conflict'), conflict: QueueConflict }),
  /** A later upload settled the ticket otherwise: the conflict no longer stands (its counter did not lose). */
  z.object({ kind: z.literal('conflict-withdrawn'), id: Ulid }),
]);
export type QueueHallEvent = z.infer<typeof QueueHallEvent>;

export const Phone = z.string().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'not a phone number');

export const AppointmentState = z.enum(['booked', 'checked-in', 'cancelled']);
export type AppointmentState = z.infer<typeof AppointmentState>;

/** What a clerk enters while on the phone with the business. */
export const NewAppointment = z.object({
  enterprise: FreeText.trim().min(2).max(100),
  contactPhone: Phone,
  matter: FreeText.trim().min(1).max(100),
  procedureCode: FreeText.nullable().default(null),
  service: ServiceCode,
  date: z.iso.date(),
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Ignored: the server records the clerk of the counter session. */
  createdBy: StaffLogin.optional(),
});
export type NewAppointment = z.infer<typeof NewAppointment>;

/** Why a booked appointment is called off, e.g. the business phoned or it was typed wrong. */
export const CancelReason = FreeText.trim().max(100).nullable().default(null);

/** An appointment as terminals hold it: the phone only masked plus its last four digits for check-in. */
export const Appointment = z.object({
  id: Ulid,
  /** Read out on the phone and printed in the confirmation QR code. */
  code: z.string().regex(/^[0-9]{6}$/),
  hall: HallCode,
  enterprise: z.string(),
  phoneMasked: z.string(),
  phoneLast4: z.string().regex(/^\d{4}$/),
  matter: z.string(),
  procedureCode: z.string().nullable(),
  service: ServiceCode,
  date: z.iso.date(),
  from: z.string(),
  to: z.string(),
  state: AppointmentState,
  ticketId: Ulid.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Present only once cancelled: when, by which clerk, and the short reason if one was given. */
  cancelled: z.object({ at: z.iso.datetime({ offset: true }), by: StaffLogin, reason: z.string().nullable() }).optional(),
});
export type Appointment = z.infer<typeof Appointment>;

/** The confirmation QR code carries this prefix and the appointment code. */
export const APPOINTMENT_QR_PREFIX = 'HALL-APPT:';

/** Staff as terminals hold them, for offline sign-in with the last known credentials. */
export const StaffCredential = z.object({
  login: StaffLogin,
  name: z.string(),
  number: z.string(),
  role: z.enum(['clerk', 'supervisor', 'admin', 'office', 'department', 'inspector']),
  /** The server's scrypt hash string; the password never travels. */
  passwordHash: z.string(),
  disabled: z.boolean(),
  /** The display name's Latin form for the en and ru screens ("Wang Fang"); null when none is set. */
  latinName: z.string().nullable().default(null),
  /** The clerk's photo: a small JPEG made by the server, base64; null when none is set. Counters only hold it. */
  photo: z.string().nullable().default(null),
});
export type StaffCredential = z.infer<typeof StaffCredential>;
/** As it may be written: a record from before issue 12 has no Latin name or photo. */
export type StaffCredentialInput = z.input<typeof StaffCredential>;

/** Outbox event types of the queue. */
export const QUEUE_EVENTS = {
  ticketIssued: 'queue.ticket-issued',
  action: 'queue.action',
  checkedIn: 'appointment.checked-in',
  presence: 'queue.presence',
} as const;

/**
 * The rating code printed on a ticket slip and shown with the on-screen ticket: proof, with the ticket
 * number, that the rater holds the ticket. No 0/O, 1/I/L, 2/Z, 5/S, 8/B or 6/G, so it reads back as printed.
 * A secret of the visitor, the issuing kiosk and the central server: never in the queue state or on the board.
 */
export const RATING_CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY3479';
export const RATING_CODE_LENGTH = 5;
export const RatingCode = z.string().regex(new RegExp(`^[${RATING_CODE_ALPHABET}]{${RATING_CODE_LENGTH}}$`), 'not a rating code');

/** The issuing kiosk's outbox event: the ticket and its rating code (which reaches the server only). */
export const TicketIssuedEvent = Ticket.extend({ ratingCode: RatingCode.optional() });
export const CheckedInEvent = z.object({ appointmentId: Ulid, ticketId: Ulid, at: z.iso.datetime({ offset: true }) });

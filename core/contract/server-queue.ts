import { z } from 'zod';
import { TERMINAL_ROLES } from './server-admin.js';
import { Appointment, CancelReason, NewAppointment, PresenceChange, QueueAction, QueueState, RatingCode, ServiceCode, StaffLogin, Ticket, Ulid } from './queue.js';

/** Issue a ticket while the server is reachable: the server numbers it. Idempotent by id. */
export const IssueTicketRequest = z.object({
  id: Ulid,
  service: ServiceCode,
  appointmentId: Ulid.nullable().default(null),
  issuedAt: z.iso.datetime({ offset: true }),
  /** The kiosk's rating code for the slip; the server stores it with the ticket and never sends it to other terminals. */
  ratingCode: RatingCode.optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

export const IssueTicketResponse = z.object({
  ticket: Ticket,
  /** Tickets of the same line waiting before this one. */
  ahead: z.int().min(0),
  /** The code the server holds for this ticket (the kiosk's own, or one it made for a kiosk that sent none). */
  ratingCode: RatingCode.optional(),
});
export type IssueTicketResponse = z.infer<typeof IssueTicketResponse>;

/** The ticket the action touched; null when call-next found nobody waiting. Idempotent by actionId. */
export const QueueActionResponse = z.object({ ticket: Ticket.nullable() });
export type QueueActionResponse = z.infer<typeof QueueActionResponse>;

/**
 * A presence change posted while the server answers (the terminal's outbox carries the same one up
 * too). Without an id or a time the server picks them: a change made there and then.
 */
export const PresenceRequest = PresenceChange.extend({
  id: Ulid.optional(),
  at: PresenceChange.shape.at.optional(),
  /** Signing in: the clerk's password, checked by the server, which then issues a counter session. */
  password: z.string().min(1).max(256).optional(),
  /** Taking a counter in use: the supervisor's (or admin's) login and password; `overriddenBy` alone is not believed. */
  supervisor: z.object({ login: StaffLogin, password: z.string().min(1).max(256) }).nullable().optional(),
});
export type PresenceRequest = z.infer<typeof PresenceRequest>;

/** The counter session the server issued at a sign-in with a password; sent back as CLERK_SESSION_HEADER. */
export const ClerkServerSession = z.object({
  token: z.string().min(32).max(128),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The clerk as the server holds them (a clerk added since the last sync is not on the terminal yet). */
  clerk: z.object({ login: StaffLogin, name: z.string(), number: z.string() }),
});
export type ClerkServerSession = z.infer<typeof ClerkServerSession>;

export const PresenceResponse = QueueState.extend({ session: ClerkServerSession.nullable().default(null) });
export type PresenceResponse = z.infer<typeof PresenceResponse>;

export const AppointmentList = z.object({ appointments: z.array(Appointment) });

export const AppointmentListQuery = z.object({ date: z.iso.date() });

/** A clerk calls off a booked appointment. The terminal picks requestId once: the same request again answers the same appointment. */
export const CancelAppointmentRequest = z.object({
  requestId: Ulid,
  /** Ignored: the server records the clerk of the counter session. */
  cancelledBy: StaffLogin.optional(),
  reason: CancelReason,
});
export type CancelAppointmentRequest = z.infer<typeof CancelAppointmentRequest>;

const EmptyQuery = z.object({});

/** A terminal names the services it still holds open from an earlier hall day, to hear how they stand. */
export const QueueStateQuery = z.object({
  open: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{26}(,[0-9A-HJKMNP-TV-Z]{26}){0,49}$/, 'up to 50 ticket ids, comma-separated')
    .optional(),
});

/** Queue routes of the central server; all signed by the calling terminal, acting for the hall it belongs to. */
export const serverQueueApi = {
  issueTicket: {
    method: 'POST',
    path: '/api/queue/tickets',
    summary: "Number a new ticket in the terminal's hall (signed); the same id again returns the same ticket",
    signed: true,
    terminalRoles: ['kiosk', 'counter'],
    query: EmptyQuery,
    body: IssueTicketRequest,
    response: IssueTicketResponse,
  },
  queueAction: {
    method: 'POST',
    path: '/api/queue/actions',
    summary: 'A counter calls, recalls, transfers, parks, finishes or marks a no-show (signed); with a counter session the server records its clerk, without one the action is kept as offline, its clerk unconfirmed. 409 QUEUE_CONFLICT when the ticket is not in a state for it',
    signed: true,
    terminalRoles: ['counter'],
    clerk: 'optional',
    query: EmptyQuery,
    body: QueueAction,
    response: QueueActionResponse,
  },
  queueState: {
    method: 'GET',
    path: '/api/queue/state',
    summary: "The live queue of the terminal's hall today, services still open from earlier days, and who is at which counter (signed)",
    signed: true,
    terminalRoles: TERMINAL_ROLES,
    query: QueueStateQuery,
    response: QueueState,
  },
  presence: {
    method: 'POST',
    path: '/api/queue/presence',
    summary:
      'A clerk signs in at a counter, steps away or signs out (signed); decides whose counter serves an AB line. Signing in with the password answers a counter session; only clerks of the hall may (403 NOT_A_COUNTER_CLERK). 409 SIGNED_IN_ELSEWHERE when the login holds another counter, COUNTER_IN_USE when another clerk holds this one and no supervisor overrode',
    signed: true,
    terminalRoles: ['counter'],
    clerk: 'optional',
    query: EmptyQuery,
    body: PresenceRequest,
    response: PresenceResponse,
  },
  createAppointment: {
    method: 'POST',
    path: '/api/appointments',
    summary: "A clerk books an appointment taken by phone (signed, counter session: the session's clerk is recorded); it reaches the hall's terminals as a change",
    signed: true,
    terminalRoles: ['counter'],
    clerk: 'required',
    query: EmptyQuery,
    body: NewAppointment,
    response: Appointment,
  },
  cancelAppointment: {
    method: 'POST',
    path: '/api/appointments/:id/cancel',
    summary: "A clerk cancels a booked appointment (signed, counter session); 409 APPOINTMENT_CHECKED_IN or APPOINTMENT_CANCELLED otherwise; it reaches the hall's terminals as a change",
    signed: true,
    terminalRoles: ['counter'],
    clerk: 'required',
    params: z.object({ id: Ulid }),
    query: EmptyQuery,
    body: CancelAppointmentRequest,
    response: Appointment,
  },
  listAppointments: {
    method: 'GET',
    path: '/api/appointments',
    summary: "Appointments of the terminal's hall on a date (signed, counter session)",
    signed: true,
    terminalRoles: ['counter'],
    clerk: 'required',
    query: AppointmentListQuery,
    response: AppointmentList,
  },
} as const;

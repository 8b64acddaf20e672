import { ulid } from 'ulid';
import { applyStep, servingAt, type StepRefusal } from '../../core/common/queue-rules.js';
import {
  AppError,
  Appointment,
  AppointmentList,
  QUEUE_EVENTS,
  QueueActionResponse,
  type CounterQueue,
  type CounterSession,
  type ErrorCode,
  type NewAppointment,
  type QueueAction,
  type QueueActionName,
  type StaffCredential,
  type Ticket,
  type WindowClerk,
} from '../../core/contract/index.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { COUNTER_LOGIN_MISSES, COUNTER_TERMINAL_MISSES, THIS_TERMINAL } from '../../core/common/guess-rules.js';
import { linesOf } from '../../core/queue/lines.js';
import { appointmentsOn, getStaff, putAppointment } from '../../core/queue/reference.js';
import { findSession, latestSessionHere, type CounterSessionRow, type SessionExpiry } from '../../core/queue/sessions.js';
import { getTicket, offlineTicket, openServices, ticketByNumber, ticketsOfDay } from '../../core/queue/tickets.js';
import { markConflictRead, unreadConflicts } from '../../core/queue/conflicts.js';
import type { HallQueue } from './hall-queue.js';
import { CounterSignIn, type SupervisorOverride } from './sign-in.js';

const REFUSAL: Record<Exclude<StepRefusal, 'nobody-waiting'>, ErrorCode> = { 'counter-busy': 'COUNTER_BUSY', conflict: 'QUEUE_CONFLICT', 'not-found': 'NOT_FOUND' };

export interface ActionRequest {
  action: QueueActionName;
  ticketId?: string;
  number?: string;
  toService?: string;
}

/** A clerk's session at this counter, as staff routes receive it (resolved once, in route registration). */
export type ClerkSession = CounterSessionRow & { staff: StaffCredential };

/** A clerk at a counter: sign-in (who may sign in where: sign-in.ts), the lines they serve, and calling. */
export class CounterDesk {
  private readonly signIn: CounterSignIn;

  /** `onFinished`: a service ended here (the rating screen asks about it). `idleMs`: a sign-in unused this long ends. */
  constructor(
    private readonly q: HallQueue,
    private readonly onFinished?: (ticket: Ticket, clerk: { name: string; number: string }, counterNo: number) => void,
    private readonly idleMs = 30 * 60_000,
  ) {
    this.signIn = new CounterSignIn(q, () => this.expiry());
  }

  private expiry(): SessionExpiry {
    return { today: this.q.today(), now: this.q.now(), idleMs: this.idleMs };
  }

  async login(login: string, password: string, counterNo: number, supervisor: SupervisorOverride | null = null): Promise<CounterSession> {
    if (!this.q.config().counters.includes(counterNo)) throw new AppError('NO_COUNTER');
    const name = login.trim().toLowerCase();
    const keys = [
      { kind: 'counter-login', key: name, rule: COUNTER_LOGIN_MISSES },
      { kind: 'counter-login-terminal', key: THIS_TERMINAL, rule: COUNTER_TERMINAL_MISSES },
    ];
    const wrong = (err: unknown) => err instanceof AppError && err.code === 'WRONG_CREDENTIALS';
    const { token, staff } = await this.q.attempts.guard(keys, () => this.signIn.signIn(name, password, counterNo, supervisor), wrong);
    return { token, staff, counterNo, timeZone: this.q.timeZone };
  }

  /** The clerk behind a token; UNAUTHORIZED when unknown, past the hall's day, idle too long, or the clerk left this terminal. */
  session(token: string): ClerkSession {
    const s = findSession(this.q.db, token, this.expiry());
    const staff = s ? getStaff(this.q.db, s.login) : null;
    if (!s || !staff || staff.disabled) throw new AppError('UNAUTHORIZED');
    return { ...s, staff };
  }

  /** Who is signed in at this counter PC now, as its counter and rating screens show them; null when nobody is. */
  atWindow(): WindowClerk | null {
    const s = latestSessionHere(this.q.db, this.expiry());
    const staff = s ? getStaff(this.q.db, s.login) : null;
    if (!s || !staff || staff.disabled) return null;
    return { counterNo: s.counterNo, name: staff.name, latinName: staff.latinName, number: staff.number, photo: staff.photo ? `data:image/jpeg;base64,${staff.photo}` : null, presence: s.presence };
  }

  async logout(s: ClerkSession): Promise<void> {
    await this.signIn.set(s, s.staff, 'out');
  }

  async setPresence(s: ClerkSession, state: 'in' | 'away'): Promise<CounterQueue> {
    await this.signIn.set(s, s.staff, state);
    return this.view({ ...s, presence: state });
  }

  view(s: ClerkSession): CounterQueue {
    const config = this.q.config();
    const presence = this.q.presence();
    const tickets = ticketsOfDay(this.q.db, this.q.hall(), this.q.today());
    const name = (code: string) => config.services.find((x) => x.code === code)!.name;
    const open = openServices(this.q.db, this.q.hall()).filter((t) => t.counterNo === s.counterNo);
    return {
      counterNo: s.counterNo,
      staff: { login: s.staff.login, name: s.staff.name, number: s.staff.number },
      presence: s.presence,
      online: this.q.link.online,
      lines: linesOf(config, s.staff.login, presence).map((l) => ({ ...l, name: name(l.code), waiting: tickets.filter((t) => t.service === l.code && t.state === 'waiting') })),
      services: config.services.map((x) => ({ code: x.code, name: x.name })),
      // Across the hall's midnight too: a visitor being served, or parked here, is not dropped with the day (a past day's
      // parked ticket stays until the server's close-out makes it not-served).
      current: open.find((t) => t.state === 'called') ?? null,
      parked: open.filter((t) => t.state === 'parked'),
      counters: presence,
      conflicts: unreadConflicts(this.q.db, this.q.hall(), s.counterNo),
    };
  }

  /** Asks the server first (it owns the order and refuses a ticket called twice); offline, decides here. */
  async act(s: ClerkSession, req: ActionRequest): Promise<{ ticket: Ticket | null; offline: boolean }> {
    const view = this.view(s);
    const day = this.q.today();
    const known = req.ticketId ? getTicket(this.q.db, req.ticketId) : req.number ? ticketByNumber(this.q.db, this.q.hall(), req.number, day) : null;
    const target = known ?? (['call-next', 'call'].includes(req.action) ? null : view.current);
    if (req.action === 'transfer' && !req.toService) throw new AppError('VALIDATION_FAILED');
    if (req.toService) this.q.service(req.toService);
    const action: QueueAction = {
      actionId: ulid(),
      action: req.action,
      hall: this.q.hall(),
      counterNo: s.counterNo,
      staff: s.staff.login,
      staffNumber: s.staff.number,
      ticketId: target?.id ?? null,
      number: target?.number ?? req.number ?? null,
      services: view.lines.filter((l) => l.active).map((l) => l.code),
      toService: req.toService ?? null,
      at: this.q.now().toISOString(),
    };
    if (req.action !== 'call-next' && !action.ticketId && !action.number) throw new AppError('NOT_FOUND');
    // Signed in offline, no server session vouches for the clerk: the action goes up through the outbox, marked offline there.
    const answer = s.serverToken ? await this.q.link.call('POST', '/api/queue/actions', action, (j) => QueueActionResponse.parse(j), s.serverToken) : { ok: false as const };
    const offline = answer.ok ? null : this.decideOffline(action, target);
    const ticket = answer.ok ? answer.value.ticket : offline!.ticket;
    this.q.db.transaction(() => {
      appendEvent(this.q.db, QUEUE_EVENTS.action, action);
      if (ticket) this.q.record(ticket, offline?.placeholder);
    })();
    if (req.action === 'finish' && ticket?.state === 'done') this.onFinished?.(ticket, s.staff, s.counterNo);
    return { ticket, offline: !answer.ok };
  }

  /**
   * The server's rules, applied to this terminal's replica (core/common/queue-rules). What was
   * decided here goes up as what it was: "next" becomes "counter N called ticket X at t", so the
   * server never picks someone else for it.
   */
  private decideOffline(a: QueueAction, target: Ticket | null): { ticket: Ticket | null; placeholder: boolean } {
    const today = ticketsOfDay(this.q.db, a.hall, this.q.today());
    let t = target;
    let placeholder = false;
    if (a.action === 'call-next') t = today.find((x) => x.state === 'waiting' && a.services.includes(x.service)) ?? null;
    // A number typed in that this terminal never saw (issued by another kiosk while offline): call it
    // anyway; the server matches it by number, and its ticket replaces this placeholder here.
    else if (!t && a.action === 'call' && a.number) [t, placeholder] = [this.unseenTicket(a, a.number), true];
    // A service begun before midnight still holds the counter.
    const step = applyStep(t, a, servingAt(openServices(this.q.db, a.hall), a.counterNo));
    if (!step.ok) {
      if (step.refused === 'nobody-waiting') return { ticket: null, placeholder };
      throw new AppError(REFUSAL[step.refused]);
    }
    if (a.action === 'call-next') a.action = 'call';
    a.ticketId = step.ticket.id;
    a.number = step.ticket.number;
    return { ticket: step.ticket, placeholder };
  }

  private unseenTicket(a: QueueAction, number: string): Ticket {
    const service = /([A-Z])\d+$/.exec(number)?.[1] ?? a.services[0] ?? this.q.config().services[0]!.code;
    return offlineTicket({ id: ulid(), hall: a.hall, number, service, appointmentId: null, enterprise: null, issuedAt: a.at });
  }

  /** The clerk has read that a call of theirs was set aside. */
  readConflict(s: ClerkSession, id: string): CounterQueue {
    markConflictRead(this.q.db, this.q.hall(), s.counterNo, id, this.q.now());
    return this.view(s);
  }

  /** The server's counter session for what only the server does; signed in offline, the clerk signs in again first. */
  private serverSession(s: ClerkSession): string {
    if (s.serverToken) return s.serverToken;
    throw new AppError(this.q.link.online ? 'UNAUTHORIZED' : 'SERVER_UNREACHABLE');
  }

  async createAppointment(s: ClerkSession, body: Omit<NewAppointment, 'createdBy'>): Promise<Appointment> {
    this.q.service(body.service);
    const appointment = await this.q.link.require('POST', '/api/appointments', body, (j) => Appointment.parse(j), this.serverSession(s));
    putAppointment(this.q.db, appointment);
    return appointment;
  }

  /** Only the central server may cancel: unreachable, nothing changes here either. */
  async cancelAppointment(s: ClerkSession, id: string, body: { requestId: string; reason: string | null }): Promise<Appointment> {
    const path = `/api/appointments/${encodeURIComponent(id)}/cancel`;
    const appointment = await this.q.link.require('POST', path, body, (j) => Appointment.parse(j), this.serverSession(s)).catch((err: unknown) => {
      // The kiosk's words for a cancelled appointment address a visitor; the clerk hears it plainly.
      throw err instanceof AppError && err.code === 'APPOINTMENT_CANCELLED' ? new AppError('ALREADY_CANCELLED') : err;
    });
    putAppointment(this.q.db, appointment);
    return appointment;
  }

  async appointments(s: ClerkSession, date: string): Promise<{ appointments: Appointment[] }> {
    const path = `/api/appointments?date=${encodeURIComponent(date)}`;
    const answer = s.serverToken ? await this.q.link.call('GET', path, undefined, (j) => AppointmentList.parse(j), s.serverToken) : { ok: false as const };
    if (answer.ok) answer.value.appointments.forEach((a) => putAppointment(this.q.db, a));
    return { appointments: appointmentsOn(this.q.db, this.q.hall(), date) };
  }
}

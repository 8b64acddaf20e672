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
} from '../../core/contract/index.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { linesOf } from '../../core/queue/lines.js';
import { appointmentsOn, getStaff, putAppointment } from '../../core/queue/reference.js';
import { findSession, verifyStaffPassword, type CounterSessionRow } from '../../core/queue/sessions.js';
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

/** A clerk at a counter: sign-in with the last known credentials (who may sign in where: sign-in.ts), the lines they serve, and calling. */
export class CounterDesk {
  private readonly signIn: CounterSignIn;

  /** `onFinished`: a service ended here (the rating screen asks about it). */
  constructor(
    private readonly q: HallQueue,
    private readonly onFinished?: (ticket: Ticket, clerk: { name: string; number: string }, counterNo: number) => void,
  ) {
    this.signIn = new CounterSignIn(q);
  }

  async login(login: string, password: string, counterNo: number, supervisor: SupervisorOverride | null = null): Promise<CounterSession> {
    const staff = getStaff(this.q.db, login.trim().toLowerCase());
    // One answer for an unknown login, a disabled one and a wrong password: nothing to probe.
    const ok = staff && !staff.disabled && (await verifyStaffPassword(password, staff.passwordHash));
    if (!staff || !ok) throw new AppError('WRONG_CREDENTIALS');
    if (!this.q.config().counters.includes(counterNo)) throw new AppError('NO_COUNTER');
    const token = await this.signIn.signIn(staff, counterNo, supervisor);
    return { token, staff: { login: staff.login, name: staff.name, number: staff.number }, counterNo, timeZone: this.q.timeZone };
  }

  session(token: string | null): CounterSessionRow & { staff: StaffCredential } {
    const s = token ? findSession(this.q.db, token) : null;
    const staff = s ? getStaff(this.q.db, s.login) : null;
    if (!s || !staff || staff.disabled) throw new AppError('UNAUTHORIZED');
    return { ...s, staff };
  }

  async logout(token: string): Promise<void> {
    const s = this.session(token);
    await this.signIn.set(token, s.staff, s.counterNo, 'out');
  }

  async setPresence(token: string, state: 'in' | 'away'): Promise<CounterQueue> {
    const s = this.session(token);
    await this.signIn.set(token, s.staff, s.counterNo, state);
    return this.view(token);
  }

  view(token: string): CounterQueue {
    const s = this.session(token);
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
  async act(token: string, req: ActionRequest): Promise<{ ticket: Ticket | null; offline: boolean }> {
    const s = this.session(token);
    const view = this.view(token);
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
    const answer = await this.q.link.call('POST', '/api/queue/actions', action, (j) => QueueActionResponse.parse(j));
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
  readConflict(token: string, id: string): CounterQueue {
    const s = this.session(token);
    markConflictRead(this.q.db, this.q.hall(), s.counterNo, id, this.q.now());
    return this.view(token);
  }

  async createAppointment(token: string, body: Omit<NewAppointment, 'createdBy'>): Promise<Appointment> {
    const s = this.session(token);
    this.q.service(body.service);
    const appointment = await this.q.link.require('POST', '/api/appointments', { ...body, createdBy: s.staff.login }, (j) => Appointment.parse(j));
    putAppointment(this.q.db, appointment);
    return appointment;
  }

  /** Only the central server may cancel: unreachable, nothing changes here either. */
  async cancelAppointment(token: string, id: string, body: { requestId: string; reason: string | null }): Promise<Appointment> {
    const s = this.session(token);
    const request = { ...body, cancelledBy: s.staff.login };
    const appointment = await this.q.link.require('POST', `/api/appointments/${encodeURIComponent(id)}/cancel`, request, (j) => Appointment.parse(j)).catch((err: unknown) => {
      // The kiosk's words for a cancelled appointment address a visitor; the clerk hears it plainly.
      throw err instanceof AppError && err.code === 'APPOINTMENT_CANCELLED' ? new AppError('ALREADY_CANCELLED') : err;
    });
    putAppointment(this.q.db, appointment);
    return appointment;
  }

  async appointments(token: string, date: string): Promise<{ appointments: Appointment[] }> {
    this.session(token);
    const answer = await this.q.link.call('GET', `/api/appointments?date=${encodeURIComponent(date)}`, undefined, (j) => AppointmentList.parse(j));
    if (answer.ok) answer.value.appointments.forEach((a) => putAppointment(this.q.db, a));
    return { appointments: appointmentsOn(this.q.db, this.q.hall(), date) };
  }
}

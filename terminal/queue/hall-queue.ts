import { readFileSync, existsSync } from 'node:fs';
import { ulid } from 'ulid';
import {
  AppError,
  CounterPresence,
  HallConfig,
  IssueTicketResponse,
  pickLang,
  QUEUE_EVENTS,
  QueueHallEvent,
  QueueState,
  type Appointment,
  type BoardView,
  type CounterOpenness,
  type IssuedTicket,
  type Lang,
  type ProcedureLine,
  type QueueService,
  type ServiceCode,
  type Ticket,
} from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { getMeta } from '../../core/db/meta.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { appointmentByCode, appointmentsByPhone, getAppointment, getHallConfig, putAppointment } from '../../core/queue/reference.js';
import { hallDay } from '../../core/common/hall-time.js';
import { counterAreaText } from '../../native/printer/counter-area.js';
import { parseAppointmentCode } from '../../core/common/appointment-code.js';
import { maskEnterprise } from '../../core/common/mask-name.js';
import { markAnnounced } from '../../core/queue/announced.js';
import { newRatingCode, ticketQrText } from '../../core/common/rating-code.js';
import { putRatingCode } from '../../core/queue/rating-codes.js';
import { getTicket, nextOfflineNumber, offlineTicket, openServices, putTicket, ticketsOfDay, waitingIn } from '../../core/queue/tickets.js';
import { TICKET_PREFIX_KEY } from '../../core/sync/client.js';
import { dropConflict, putConflict, replaceConflictsOfDay } from '../../core/queue/conflicts.js';
import type { ScreenHub } from '../live/screen-hub.js';
import type { PrintWorker } from '../print/worker.js';
import { TerminalAttempts } from '../security/attempts.js';
import { CHECKIN_MISSES, PHONE_LOOKUP_MISSES, THIS_TERMINAL } from '../../core/common/guess-rules.js';
import type { ServerLink } from './server-link.js';

export interface HallQueueOptions {
  timeZone: string;
  /** Used until the central server sends this hall's config (a terminal not enrolled yet). */
  fallbackConfigFile: string | null;
  now?: () => Date;
  /** Where misses are counted; by default this terminal's database on this queue's clock. */
  attempts?: TerminalAttempts;
}

const notFound = (err: unknown) => err instanceof AppError && err.code === 'APPOINTMENT_NOT_FOUND';

/** A phone look-up that listed nothing: counted as a miss, answered as an empty list. */
class NoBooking extends Error {}
const listedNothing = (err: unknown) => err instanceof NoBooking;

/** A counter as the board and a procedure page show it, from who is signed in there. */
function openness(presence: readonly CounterPresence[], counterNo: number): CounterOpenness {
  const state = presence.find((p) => p.counterNo === counterNo)?.state;
  return state === 'in' ? 'open' : state === 'away' ? 'away' : 'closed';
}

/** The hall queue as this terminal sees it: issuing and check-in (kiosk), the board, and the replica. */
export class HallQueue {
  readonly now: () => Date;
  /** Failed tries at this terminal (check-in codes, phone look-ups, counter sign-ins). */
  readonly attempts: TerminalAttempts;

  constructor(
    readonly db: Db,
    readonly link: ServerLink,
    readonly printer: PrintWorker,
    readonly screens: ScreenHub,
    private readonly opts: HallQueueOptions,
  ) {
    this.now = opts.now ?? (() => new Date(link.client ? link.client.serverNow() : Date.now()));
    this.attempts = opts.attempts ?? new TerminalAttempts(db, () => this.now().getTime());
  }

  hall(): string {
    return this.link.client?.identity()?.hall ?? this.fallback()?.hall ?? 'main';
  }

  get timeZone(): string {
    return this.opts.timeZone;
  }

  today(): string {
    return hallDay(this.now(), this.timeZone);
  }

  config(): HallConfig {
    const c = getHallConfig(this.db, this.hall()) ?? this.fallback();
    if (!c) throw new AppError('UNKNOWN_SERVICE');
    return c;
  }

  private fallback(): HallConfig | null {
    const f = this.opts.fallbackConfigFile;
    return f && existsSync(f) ? HallConfig.parse(JSON.parse(readFileSync(f, 'utf8'))) : null;
  }

  service(code: ServiceCode): QueueService {
    const s = this.config().services.find((x) => x.code === code);
    if (!s) throw new AppError('UNKNOWN_SERVICE');
    return s;
  }

  lines(lang: Lang) {
    const day = this.today();
    return {
      online: this.link.online,
      lines: this.config().services.map((s) => ({
        code: s.code,
        name: pickLang(s.name, lang),
        counterArea: counterAreaText(s, lang),
        counters: s.counters,
        waiting: waitingIn(this.db, this.hall(), day, s.code).length,
      })),
    };
  }

  /** The line serving `procedure` and its counters as they are now (presence from the hall queue); null when no line serves it. */
  lineOf(procedure: string, lang: Lang): ProcedureLine {
    const s = this.config().services.find((x) => x.procedures.includes(procedure));
    if (!s) return { line: null, online: this.link.online };
    const presence = this.presence();
    const counters = s.counters.map((counterNo) => ({ counterNo, state: openness(presence, counterNo) }));
    return {
      online: this.link.online,
      line: { code: s.code, name: pickLang(s.name, lang), counterArea: counterAreaText(s, lang), counters, waiting: waitingIn(this.db, this.hall(), this.today(), s.code).length },
    };
  }

  /** A walk-in or appointment ticket: numbered by the server when it answers, else by us with our prefix. */
  async issue(service: ServiceCode, lang: Lang, print: boolean, appointment: Appointment | null = null): Promise<IssuedTicket> {
    const svc = this.service(service);
    const id = ulid();
    const issuedAt = this.now().toISOString();
    const day = this.today();
    const hall = this.hall();
    let ratingCode = newRatingCode();
    const answer = await this.link.call('POST', '/api/queue/tickets', { id, service, appointmentId: appointment?.id ?? null, issuedAt, ratingCode }, (j) => IssueTicketResponse.parse(j));
    // A retry the server had numbered already answers with the code it holds: that one is printed.
    if (answer.ok && answer.value.ratingCode) ratingCode = answer.value.ratingCode;
    const ticket = this.db.transaction((): Ticket => {
      const t: Ticket = answer.ok
        ? { ...answer.value.ticket, enterprise: answer.value.ticket.enterprise ?? appointment?.enterprise ?? null }
        : offlineTicket({
            id,
            hall,
            number: nextOfflineNumber(this.db, getMeta(this.db, TICKET_PREFIX_KEY) ?? 'K', service, day),
            service,
            appointmentId: appointment?.id ?? null,
            enterprise: appointment?.enterprise ?? null,
            issuedAt,
          });
      putTicket(this.db, t, day);
      putRatingCode(this.db, t.id, ratingCode);
      // The code travels up with the ticket (offline, this is how the server learns it) and no further.
      appendEvent(this.db, QUEUE_EVENTS.ticketIssued, { ...t, ratingCode });
      if (appointment) {
        putAppointment(this.db, { ...appointment, state: 'checked-in', ticketId: t.id });
        appendEvent(this.db, QUEUE_EVENTS.checkedIn, { appointmentId: appointment.id, ticketId: t.id, at: issuedAt });
      }
      return t;
    })();
    const ahead = answer.ok ? answer.value.ahead : Math.max(0, waitingIn(this.db, hall, day, service).findIndex((x) => x.id === ticket.id));
    this.screens.send({ type: 'queue' });
    const qr = ticketQrText(ticket, ratingCode);
    const counterArea = counterAreaText(svc, lang);
    const common = { lang, number: ticket.number, counterArea, ahead, issuedAt: ticket.issuedAt, qr, ratingCode };
    const slip = appointment
      ? { kind: 'checkin' as const, ...common, enterprise: appointment.enterprise, matter: appointment.matter, appointmentCode: appointment.code, slot: `${appointment.date} ${appointment.from}–${appointment.to}` }
      : { kind: 'ticket' as const, ...common, service: pickLang(svc.name, lang), offline: ticket.offline };
    const printed = print ? this.printer.submit(slip) : { job: null, print: 'skipped' as const };
    return { ticket, ahead, serviceName: pickLang(svc.name, lang), counterArea, counters: svc.counters, qr, ratingCode, print: printed.print, jobId: printed.job?.id ?? null };
  }

  /**
   * By the 6-digit code with the phone's last four digits (typed, or in the confirmation's QR text), or
   * the appointment chosen after those digits. A wrong code and wrong digits are one miss alike; after
   * a few, this terminal waits longer each time (CHECKIN_MISSES), also across a restart.
   */
  checkin(body: { by: 'code'; code: string; last4: string | null; lang: Lang; print: boolean } | { by: 'phone'; appointmentId: string; last4: string; lang: Lang; print: boolean }): Promise<IssuedTicket> {
    return this.attempts.guard([{ kind: 'checkin', key: THIS_TERMINAL, rule: CHECKIN_MISSES }], async () => {
      const appt = this.appointmentFor(body);
      if (!appt) throw new AppError('APPOINTMENT_NOT_FOUND');
      if (appt.state === 'cancelled') throw new AppError('APPOINTMENT_CANCELLED');
      if (appt.state === 'checked-in') throw new AppError('ALREADY_CHECKED_IN');
      return this.issue(appt.service, body.lang, body.print, appt);
    }, notFound);
  }

  private appointmentFor(body: { by: 'code'; code: string; last4: string | null } | { by: 'phone'; appointmentId: string; last4: string }): Appointment | null {
    let appt: Appointment | null;
    let last4: string | null = body.last4;
    if (body.by === 'code') {
      const parsed = parseAppointmentCode(body.code);
      last4 = parsed?.last4 ?? body.last4;
      appt = parsed ? appointmentByCode(this.db, this.hall(), parsed.code, this.today()) : null;
    } else {
      appt = getAppointment(this.db, body.appointmentId);
    }
    return appt && appt.phoneLast4 === last4 && appt.date === this.today() && appt.hall === this.hall() ? appt : null;
  }

  /** Today's bookings for the digits, names masked; a look-up listing nothing is a miss (PHONE_LOOKUP_MISSES). */
  async byPhone(last4: string) {
    const list = () => {
      const found = appointmentsByPhone(this.db, this.hall(), last4, this.today());
      if (found.length === 0) throw new NoBooking();
      return Promise.resolve(found.map((a) => ({ id: a.id, enterprise: maskEnterprise(a.enterprise), matter: a.matter, from: a.from, to: a.to })));
    };
    try {
      return { appointments: await this.attempts.guard([{ kind: 'phone-lookup', key: THIS_TERMINAL, rule: PHONE_LOOKUP_MISSES }], list, listedNothing) };
    } catch (err) {
      if (err instanceof NoBooking) return { appointments: [] };
      throw err;
    }
  }

  presence(): CounterPresence[] {
    const rows = this.db.prepare('SELECT doc FROM counter_presence WHERE hall = ? ORDER BY counter_no').all(this.hall()) as { doc: string }[];
    return rows.map((r) => CounterPresence.parse(JSON.parse(r.doc)));
  }

  putPresence(p: CounterPresence): void {
    this.db
      .prepare('INSERT INTO counter_presence (hall, counter_no, doc) VALUES (?, ?, ?) ON CONFLICT (hall, counter_no) DO UPDATE SET doc = excluded.doc')
      .run(this.hall(), p.counterNo, JSON.stringify(p));
  }

  board(): BoardView {
    const config = this.config();
    const tickets = ticketsOfDay(this.db, this.hall(), this.today());
    const called = tickets.filter((t) => t.calledAt).sort((a, b) => b.calledAt!.localeCompare(a.calledAt!));
    // A service still under way since before the hall's midnight keeps its counter's number up.
    const serving = openServices(this.db, this.hall()).filter((t) => t.state === 'called');
    const presence = this.presence();
    return {
      hall: config.hall,
      online: this.link.online,
      counters: config.counters.map((no) => {
        const t = serving.find((x) => x.counterNo === no);
        const p = presence.find((x) => x.counterNo === no && x.state !== 'out');
        return { counterNo: no, number: t?.number ?? null, service: t?.service ?? null, staffNumber: p?.staffNumber ?? null, presence: openness(presence, no) };
      }),
      recent: called.slice(0, 8).map((t) => ({ number: t.number, counterNo: t.counterNo!, calledAt: t.calledAt!, callCount: t.callCount })),
      waiting: config.services.map((s) => ({ service: s.code, name: s.name, count: tickets.filter((t) => t.service === s.code && t.state === 'waiting').length })),
      timeZone: this.timeZone,
    };
  }

  /** A ticket as it now stands (from the server's push or our own action). */
  record(t: Ticket, placeholder = false): void {
    this.learn([t], () => true, placeholder);
  }

  /**
   * The one way tickets reach the replica: stores those `changed` says are news and announces each
   * call heard of for the first time while its ticket is still called, oldest call first. A call
   * finished before we heard of it is not said; none is said twice (core/queue/announced).
   */
  private learn(tickets: readonly Ticket[], changed: (t: Ticket, before: Ticket | null) => boolean, placeholder = false): void {
    const calls = this.db.transaction(() => {
      const fresh: Ticket[] = [];
      for (const t of tickets) {
        if (changed(t, getTicket(this.db, t.id))) putTicket(this.db, t, hallDay(t.issuedAt, this.timeZone), placeholder);
        if (t.state !== 'called' || t.counterNo === null || t.callCount === 0) continue;
        const call = { ticketId: t.id, callCount: t.callCount, number: t.number, day: hallDay(t.calledAt ?? t.issuedAt, this.timeZone) };
        if (markAnnounced(this.db, call, this.now())) fresh.push(t);
      }
      return fresh.sort((a, b) => (a.calledAt ?? '').localeCompare(b.calledAt ?? ''));
    })();
    this.screens.send({ type: 'queue' });
    for (const t of calls) this.screens.send({ type: 'call', number: t.number, counterNo: t.counterNo!, callCount: t.callCount });
  }

  /** A hall event pushed by the central server over the live channel. */
  onHallEvent(event: unknown): void {
    const e = QueueHallEvent.safeParse(event);
    if (!e.success) return;
    if (e.data.kind === 'ticket') this.record(e.data.ticket);
    else {
      if (e.data.kind === 'presence') this.putPresence(e.data.presence);
      else if (e.data.kind === 'conflict') putConflict(this.db, e.data.conflict, this.timeZone);
      else dropConflict(this.db, e.data.id);
      this.screens.send({ type: 'queue' });
    }
  }

  /** After a reconnect: the server's view of today's queue replaces what we missed, and its calls we never heard are said. */
  async refresh(): Promise<void> {
    // The services this terminal holds open are named, so that a finish it missed reaches it even when the
    // ticket is of an earlier day, or long finished, or known here only by a placeholder for a typed number.
    const stale = openServices(this.db, this.hall())
      .slice(0, 50)
      .map((t) => t.id);
    const path = stale.length ? `/api/queue/state?open=${stale.join(',')}` : '/api/queue/state';
    const answer = await this.link.call('GET', path, undefined, (j) => QueueState.parse(j));
    if (!answer.ok) return;
    this.db.transaction(() => {
      answer.value.presence.forEach((p) => this.putPresence(p));
      replaceConflictsOfDay(this.db, this.hall(), hallDay(answer.value.serverTime, this.timeZone), answer.value.conflicts, this.timeZone);
    })();
    // Anything the server holds differently wins: a call of ours set aside for another counter's has the same state
    // and call count as the one it kept, and the push that said so may have gone out while our live channel was down.
    this.learn(answer.value.tickets, (t, before) => !before || JSON.stringify(before) !== JSON.stringify(t));
  }
}

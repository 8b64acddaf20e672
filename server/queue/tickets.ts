import { sql, type Selectable, type Transaction, type Updateable } from 'kysely';
import { ServerError, type IssueTicketRequest, type QueueState, type Ticket } from '../../core/contract/index.js';
import { checkInAppointment, type AppointmentFlag } from '../appointments/repository.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { hallConfig } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { queueOrder } from '../../core/common/queue-rules.js';
import { newRatingCode } from '../../core/common/rating-code.js';
import { conflictsOn } from './conflicts.js';
import { hallPresence } from './presence.js';
import type { TicketsTable } from './schema.js';

export type Trx = Transaction<ServerSchema>;
export type TicketRow = Selectable<TicketsTable>;

/** What the queue needs from the server's configuration. */
export interface QueueClock {
  now: () => number;
  timeZone: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    hall: r.hall,
    number: r.number,
    service: r.service,
    state: r.state,
    appointmentId: r.appointment_id,
    enterprise: r.enterprise,
    issuedAt: r.issued_at.toISOString(),
    offline: r.offline,
    counterNo: r.counter_no,
    calledAt: iso(r.called_at),
    calledBy: r.called_by,
    callCount: r.call_count,
    finishedAt: iso(r.finished_at),
    appointmentFlag: r.appointment_flag,
  };
}

/** The columns an action may change, from the ticket as the queue rules left it. */
export function ticketChange(t: Ticket): Updateable<TicketsTable> {
  const at = (s: string | null) => (s ? new Date(s) : null);
  return { state: t.state, service: t.service, counter_no: t.counterNo, called_at: at(t.calledAt), called_by: t.calledBy, call_count: t.callCount, finished_at: at(t.finishedAt) };
}

type OrderedRow = Pick<TicketRow, 'id' | 'appointment_id' | 'appointment_flag' | 'issued_at'>;
const ORDER_COLUMNS = ['id', 'appointment_id', 'appointment_flag', 'issued_at'] as const;
const ordered = (r: OrderedRow) => ({ id: r.id, appointmentId: r.appointment_id, appointmentFlag: r.appointment_flag, issuedAt: r.issued_at.toISOString() });

/** Rows in the one serving order (core/common queueOrder), the order every terminal's list shows. */
export function inQueueOrder<R extends OrderedRow>(rows: R[]): R[] {
  return rows.sort((a, b) => queueOrder(ordered(a), ordered(b)));
}

/** Waiting tickets of the same line that come before this one. */
async function ahead(db: ServerDb, t: TicketRow): Promise<number> {
  const line = await db.selectFrom('tickets').select(ORDER_COLUMNS).where('hall', '=', t.hall).where('day', '=', t.day).where('service', '=', t.service).where('state', '=', 'waiting').execute();
  return line.filter((r) => queueOrder(ordered(r), ordered(t)) < 0).length;
}

/**
 * The first waiting ticket of the lines in serving order, locked for the caller's transaction. Each
 * candidate is locked by id with SKIP LOCKED and its state checked again, so two counters never take
 * the same ticket: one another counter holds, or took meanwhile, is passed for the next.
 */
export async function lockFirstWaiting(trx: Trx, hall: string, day: string, services: string[]): Promise<TicketRow | undefined> {
  if (!services.length) return undefined;
  const candidates = await trx.selectFrom('tickets').select(ORDER_COLUMNS).where('hall', '=', hall).where('day', '=', day).where('state', '=', 'waiting').where('service', 'in', services).execute();
  for (const c of inQueueOrder(candidates)) {
    const row = await trx.selectFrom('tickets').selectAll().where('id', '=', c.id).where('state', '=', 'waiting').where('service', 'in', services).forUpdate().skipLocked().executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

class SameIdRace extends Error {}

/**
 * Numbers a ticket in the hall's line for today (A001, A002…, from 001 again each day in the hall's
 * time zone). The same id again returns the same ticket, numbered once.
 */
export async function issueTicket(db: ServerDb, hall: string, terminalId: string, req: IssueTicketRequest, clock: QueueClock): Promise<{ ticket: Ticket; ahead: number; fresh: boolean; ratingCode: string | null }> {
  const known = await db.selectFrom('tickets').selectAll().where('id', '=', req.id).executeTakeFirst();
  if (known) return { ticket: toTicket(known), ahead: await ahead(db, known), fresh: false, ratingCode: known.terminal_id === terminalId ? known.rating_code : null };
  const config = await hallConfig(db, hall);
  if (!config?.config.services.some((s) => s.code === req.service)) throw new ServerError('UNKNOWN_SERVICE');
  const now = clock.now();
  const day = hallDay(now, clock.timeZone);
  try {
    return await db.transaction().execute(async (trx) => {
      let enterprise: string | null = null;
      if (req.appointmentId) {
        // Locked until commit: of two check-ins at one moment the second sees the first's ticket.
        const appt = await trx.selectFrom('appointments').select(['hall', 'enterprise', 'state', 'ticket_id']).where('id', '=', req.appointmentId).forUpdate().executeTakeFirst();
        if (!appt || appt.hall !== hall) throw new ServerError('NOT_FOUND');
        if (appt.state === 'cancelled') throw new ServerError('APPOINTMENT_CANCELLED');
        if (appt.ticket_id === req.id) throw new SameIdRace();
        if (appt.state === 'checked-in') throw new ServerError('APPOINTMENT_CHECKED_IN');
        enterprise = appt.enterprise;
      }
      const { last } = await trx
        .insertInto('ticket_numbers')
        .values({ hall, day, service: req.service, last: 1 })
        .onConflict((oc) => oc.columns(['hall', 'day', 'service']).doUpdateSet({ last: sql<number>`ticket_numbers.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('tickets')
        .values({
          id: req.id,
          hall,
          day,
          number: `${req.service}${String(last).padStart(3, '0')}`,
          service: req.service,
          state: 'waiting',
          appointment_id: req.appointmentId,
          enterprise,
          issued_at: new Date(now),
          offline: false,
          counter_no: null,
          called_at: null,
          called_by: null,
          finished_at: null,
          terminal_id: terminalId,
          issued_service: req.service,
          received_at: new Date(now),
          rating_code: req.ratingCode ?? newRatingCode(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      // The same id issued at the same moment by a retry: roll the number back, answer the first.
      if (!row) throw new SameIdRace();
      if (req.appointmentId) await checkInAppointment(trx, req.appointmentId, req.id, new Date(now));
      return { ticket: toTicket(row), ahead: await ahead(trx, row), fresh: true, ratingCode: row.rating_code };
    });
  } catch (err) {
    if (!(err instanceof SameIdRace)) throw err;
    const first = await db.selectFrom('tickets').selectAll().where('id', '=', req.id).executeTakeFirstOrThrow();
    return { ticket: toTicket(first), ahead: await ahead(db, first), fresh: false, ratingCode: first.terminal_id === terminalId ? first.rating_code : null };
  }
}

/**
 * An offline ticket a terminal numbered itself (T3-A005), inserted if its id is unknown. Arrival is
 * when the server learns of it (`receivedAt`, kept beside the device's issuedAt). Returns it when
 * inserted (or renumbered), null when already known. An appointment ticket checks its appointment
 * in; if the appointment was checked in with another ticket meanwhile, or cancelled, the kiosk could
 * not know: the ticket stays (the visitor holds it) but is flagged for the clerk and not promoted.
 *
 * One exception: the server numbered this id but its answer never reached the kiosk, which then
 * printed its own number. The visitor holds that slip, so while nobody has called the ticket yet
 * the server takes the printed number.
 */
export async function insertOfflineTicket(trx: Trx, hall: string, terminalId: string, t: Ticket & { ratingCode?: string }, timeZone: string, receivedAt: Date): Promise<Ticket | null> {
  const row = await trx
    .insertInto('tickets')
    .values({
      id: t.id,
      hall,
      day: hallDay(new Date(t.issuedAt), timeZone),
      number: t.number,
      service: t.service,
      state: 'waiting',
      appointment_id: t.appointmentId,
      enterprise: t.enterprise,
      issued_at: new Date(t.issuedAt),
      offline: t.offline,
      counter_no: null,
      called_at: null,
      called_by: null,
      finished_at: null,
      terminal_id: terminalId,
      issued_service: t.service,
      received_at: receivedAt,
      rating_code: t.ratingCode ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) {
    const flag = t.appointmentId ? await checkInAppointment(trx, t.appointmentId, t.id, new Date(t.issuedAt)) : null;
    return (flag && (await flagAppointmentTicket(trx, t.id, flag))) || toTicket(row);
  }
  // Known already (issued online): the issuing kiosk's code fills in one the server does not hold yet.
  if (t.ratingCode) await trx.updateTable('tickets').set({ rating_code: t.ratingCode }).where('id', '=', t.id).where('terminal_id', '=', terminalId).where('rating_code', 'is', null).execute();
  if (!t.offline) return null;
  const renumbered = await trx
    .updateTable('tickets')
    .set({ number: t.number, offline: true })
    .where('id', '=', t.id)
    .where('hall', '=', hall)
    .where('offline', '=', false)
    .where('state', '=', 'waiting')
    .where('call_count', '=', 0)
    .returningAll()
    .executeTakeFirst();
  return renumbered ? toTicket(renumbered) : null;
}

/**
 * Marks an appointment ticket as not its appointment's check-in (checked in twice, or cancelled): the
 * clerk is told, the ticket is not promoted. Returns it when this changed it, null when it already was.
 */
export async function flagAppointmentTicket(trx: Trx, ticketId: string, flag: AppointmentFlag): Promise<Ticket | null> {
  const row = await trx.updateTable('tickets').set({ appointment_flag: flag }).where('id', '=', ticketId).where('appointment_id', 'is not', null).where('appointment_flag', 'is', null).returningAll().executeTakeFirst();
  return row ? toTicket(row) : null;
}

const RECENT = 20;

/**
 * Today's tickets still in the queue (in serving order) and services still open from earlier days,
 * then the last 20 finished or no-show, every counter's presence and today's conflicts. `known`:
 * tickets of earlier days the asking terminal still holds open, sent as they stand now.
 */
export async function queueState(db: ServerDb, hall: string, clock: QueueClock, known: string[] = []): Promise<QueueState> {
  const now = clock.now();
  const day = hallDay(now, clock.timeZone);
  const active = await db
    .selectFrom('tickets')
    .selectAll()
    .where('hall', '=', hall)
    .where((eb) => eb.or([eb('day', '=', day).and('state', 'in', ['waiting', 'called', 'parked']), eb('day', '<', day).and('state', 'in', ['called', 'parked'])]))
    .execute();
  const recent = await db
    .selectFrom('tickets')
    .selectAll()
    .where('hall', '=', hall)
    .where('day', '=', day)
    .where('state', 'in', ['done', 'no-show'])
    .where('called_at', 'is not', null)
    .orderBy('called_at', 'desc')
    .orderBy('arrival', 'desc')
    .limit(RECENT)
    .execute();
  const conflicts = await conflictsOn(db, hall, day);
  // A conflict's ticket is always sent, so the counter that lost it lets go of it whatever became of it.
  const listed = new Set([...active, ...recent].map((t) => t.id));
  const missing = [...new Set([...conflicts.map((c) => c.ticketId), ...known])].filter((id) => !listed.has(id));
  // A terminal's placeholder id (a number typed in offline) names the ticket its actions were matched to.
  const aliases = missing.length ? await db.selectFrom('queue_actions').select('ticket_id').distinct().where('hall', '=', hall).where('named_id', 'in', missing).where('ticket_id', 'is not', null).execute() : [];
  const wanted = [...new Set([...missing, ...aliases.map((a) => a.ticket_id!)])].filter((id) => !listed.has(id));
  const contested = wanted.length ? await db.selectFrom('tickets').selectAll().where('hall', '=', hall).where('id', 'in', wanted).execute() : [];
  return {
    hall,
    tickets: [...inQueueOrder(active), ...recent.reverse(), ...contested].map(toTicket),
    presence: await hallPresence(db, hall),
    conflicts,
    serverTime: now,
  };
}

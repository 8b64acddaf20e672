import { sql, type Selectable, type Transaction, type Updateable } from 'kysely';
import { ServerError, type IssueTicketRequest, type QueueState, type Ticket } from '../../core/contract/index.js';
import { checkInAppointment } from '../appointments/repository.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { hallConfig } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
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

/** The live order of a line: appointment tickets first, then arrival on the server. */
export const LIVE_ORDER = sql`(appointment_id IS NULL), arrival`;

/** Waiting tickets of the same line that come before this one. */
async function ahead(db: ServerDb, t: TicketRow): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('hall', '=', t.hall)
    .where('day', '=', t.day)
    .where('service', '=', t.service)
    .where('state', '=', 'waiting')
    .where(sql<boolean>`((appointment_id IS NULL), arrival) < (${t.appointment_id === null}, ${t.arrival}::bigint)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

class SameIdRace extends Error {}

/**
 * Numbers a ticket in the hall's line for today (A001, A002…, from 001 again each day in the hall's
 * time zone). The same id again returns the same ticket, numbered once.
 */
export async function issueTicket(db: ServerDb, hall: string, terminalId: string, req: IssueTicketRequest, clock: QueueClock): Promise<{ ticket: Ticket; ahead: number; fresh: boolean }> {
  const known = await db.selectFrom('tickets').selectAll().where('id', '=', req.id).executeTakeFirst();
  if (known) return { ticket: toTicket(known), ahead: await ahead(db, known), fresh: false };
  const config = await hallConfig(db, hall);
  if (!config?.config.services.some((s) => s.code === req.service)) throw new ServerError('UNKNOWN_SERVICE');
  const now = clock.now();
  const day = hallDay(now, clock.timeZone);
  try {
    return await db.transaction().execute(async (trx) => {
      let enterprise: string | null = null;
      if (req.appointmentId) {
        const appt = await trx.selectFrom('appointments').select(['hall', 'enterprise', 'state']).where('id', '=', req.appointmentId).executeTakeFirst();
        if (!appt || appt.hall !== hall) throw new ServerError('NOT_FOUND');
        if (appt.state === 'cancelled') throw new ServerError('APPOINTMENT_CANCELLED');
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
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      // The same id issued at the same moment by a retry: roll the number back, answer the first.
      if (!row) throw new SameIdRace();
      if (req.appointmentId) await checkInAppointment(trx, req.appointmentId, req.id, new Date(now));
      return { ticket: toTicket(row), ahead: await ahead(trx, row), fresh: true };
    });
  } catch (err) {
    if (!(err instanceof SameIdRace)) throw err;
    const first = await db.selectFrom('tickets').selectAll().where('id', '=', req.id).executeTakeFirstOrThrow();
    return { ticket: toTicket(first), ahead: await ahead(db, first), fresh: false };
  }
}

/**
 * An offline ticket a terminal numbered itself (T3-A005), inserted if its id is unknown. Arrival is
 * when the server learns of it (`receivedAt`, kept beside the device's issuedAt). Returns it when inserted (or renumbered), null when already known.
 *
 * One exception: the server numbered this id but its answer never reached the kiosk, which then
 * printed its own number. The visitor holds that slip, so while nobody has called the ticket yet
 * the server takes the printed number.
 */
export async function insertOfflineTicket(trx: Trx, hall: string, terminalId: string, t: Ticket, timeZone: string, receivedAt: Date): Promise<Ticket | null> {
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
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return toTicket(row);
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

const RECENT = 20;

/** Today's tickets still in the queue (in live order), then the last 20 finished or no-show, and every counter's presence. */
export async function queueState(db: ServerDb, hall: string, clock: QueueClock): Promise<QueueState> {
  const now = clock.now();
  const day = hallDay(now, clock.timeZone);
  const active = await db
    .selectFrom('tickets')
    .selectAll()
    .where('hall', '=', hall)
    .where('day', '=', day)
    .where('state', 'in', ['waiting', 'called', 'parked'])
    .orderBy(LIVE_ORDER)
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
  return {
    hall,
    tickets: [...active, ...recent.reverse()].map(toTicket),
    presence: await hallPresence(db, hall),
    conflicts: [],
    serverTime: now,
  };
}

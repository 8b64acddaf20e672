import { addDays, hallInstant } from '../../core/common/hall-time.js';
import type { PresenceOverride, QueueAction, QueueDay, UnconfirmedAction } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { conflictsOn } from './conflicts.js';

/**
 * Counters of the hall a supervisor's sign-in let a clerk take on `day`, as long as that sign-in
 * still holds the counter (counter_presence keeps each counter's latest change only).
 */
async function overridesOn(db: ServerDb, hall: string, day: string, timeZone: string): Promise<PresenceOverride[]> {
  const rows = await db
    .selectFrom('counter_presence as p')
    .leftJoin('staff as s', 's.login', 'p.staff')
    .leftJoin('staff as b', 'b.login', 'p.overridden_by')
    .select(['p.counter_no', 'p.staff', 's.name as staff_name', 'p.overridden_by', 'b.name as by_name', 'p.since'])
    .where('p.hall', '=', hall)
    .where('p.overridden_by', 'is not', null)
    .where('p.staff', 'is not', null)
    .where('p.since', '>=', new Date(hallInstant(day, '00:00', timeZone)))
    .where('p.since', '<', new Date(hallInstant(addDays(day, 1), '00:00', timeZone)))
    .orderBy('p.since')
    .execute();
  return rows.map((r) => ({ counterNo: r.counter_no, staff: r.staff!, staffName: r.staff_name ?? null, by: r.overridden_by!, byName: r.by_name ?? null, at: r.since.toISOString() }));
}

/** The day's actions no counter session vouched for (issue 11): their clerk is the terminal's word, shown as offline. */
async function unconfirmedOn(db: ServerDb, hall: string, day: string): Promise<UnconfirmedAction[]> {
  const rows = await db
    .selectFrom('queue_actions')
    .select(['action_id', 'action', 'number', 'counter_no', 'payload', 'at', 'received_at'])
    .where('hall', '=', hall)
    .where('day', '=', day)
    .where('confirmed', '=', false)
    .where('outcome', '!=', 'none')
    .orderBy('at')
    .orderBy('action_id')
    .execute();
  return rows.map((r) => {
    const a = r.payload as QueueAction;
    return { actionId: r.action_id, action: r.action, number: r.number, counterNo: r.counter_no ?? a.counterNo, staff: a.staff, staffNumber: a.staffNumber, at: (r.at ?? r.received_at).toISOString(), receivedAt: r.received_at.toISOString() };
  });
}

/** A day of every hall's queue, for the supervision pages: conflicts, tickets not served, overridden sign-ins, offline actions. */
export async function queueDay(db: ServerDb, day: string, timeZone: string): Promise<QueueDay> {
  const halls = await db.selectFrom('hall_configs').select('hall').orderBy('hall').execute();
  const notServed = await db
    .selectFrom('tickets')
    .select(['hall', (eb) => eb.fn.countAll<string>().as('n')])
    .where('day', '=', day)
    .where('state', '=', 'not-served')
    .groupBy('hall')
    .execute();
  const counts = new Map(notServed.map((r) => [r.hall, Number(r.n)]));
  return {
    date: day,
    halls: await Promise.all(
      halls.map(async ({ hall }) => ({
        hall,
        notServed: counts.get(hall) ?? 0,
        conflicts: await conflictsOn(db, hall, day),
        overrides: await overridesOn(db, hall, day, timeZone),
        unconfirmed: await unconfirmedOn(db, hall, day),
      })),
    ),
  };
}

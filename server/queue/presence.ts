import { ServerError, type CounterPresence, type PresenceRequest } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { hallConfig } from '../halls/repository.js';

async function presenceRows(db: ServerDb, hall: string, counterNo?: number): Promise<CounterPresence[]> {
  let q = db
    .selectFrom('counter_presence as p')
    .leftJoin('staff as s', 's.login', 'p.staff')
    .select(['p.counter_no', 'p.staff', 'p.state', 'p.since', 's.name', 's.number'])
    .where('p.hall', '=', hall);
  if (counterNo !== undefined) q = q.where('p.counter_no', '=', counterNo);
  const rows = await q.orderBy('p.counter_no').execute();
  return rows.map((r) => ({
    counterNo: r.counter_no,
    staff: r.staff,
    staffName: r.name ?? null,
    staffNumber: r.number ?? null,
    state: r.state,
    since: r.since.toISOString(),
  }));
}

/** Every counter of the hall's config (those nobody signed in to: out since the config was imported). */
export async function hallPresence(db: ServerDb, hall: string): Promise<CounterPresence[]> {
  const config = await hallConfig(db, hall);
  const rows = await presenceRows(db, hall);
  const byCounter = new Map(rows.map((r) => [r.counterNo, r]));
  const since = (config?.importedAt ?? new Date(0)).toISOString();
  for (const c of config?.config.counters ?? []) {
    if (!byCounter.has(c)) byCounter.set(c, { counterNo: c, staff: null, staffName: null, staffNumber: null, state: 'out', since });
  }
  return [...byCounter.values()].sort((a, b) => a.counterNo - b.counterNo);
}

/** A clerk signs in at a counter, steps away or signs out (then the counter has nobody). */
export async function setPresence(db: ServerDb, hall: string, req: PresenceRequest, now: number): Promise<CounterPresence> {
  const config = await hallConfig(db, hall);
  if (!config?.config.counters.includes(req.counterNo)) throw new ServerError('VALIDATION_FAILED', [{ path: 'counterNo', message: 'not a counter of this hall' }]);
  const staff = await db.selectFrom('staff').select('disabled_at').where('login', '=', req.staff).executeTakeFirst();
  if (!staff || staff.disabled_at) throw new ServerError('VALIDATION_FAILED', [{ path: 'staff', message: 'no such active staff account' }]);
  const values = { staff: req.state === 'out' ? null : req.staff, state: req.state, since: new Date(now) };
  await db
    .insertInto('counter_presence')
    .values({ hall, counter_no: req.counterNo, ...values })
    .onConflict((oc) => oc.columns(['hall', 'counter_no']).doUpdateSet(values))
    .execute();
  const [presence] = await presenceRows(db, hall, req.counterNo);
  return presence!;
}

import { sql } from 'kysely';
import { ulid } from 'ulid';
import { ServerError, type CounterPresence, type PresenceChange, type PresenceRequest } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { hallConfig } from '../halls/repository.js';
import type { Transaction } from 'kysely';
import type { ServerSchema } from '../db/schema.js';

type Trx = Transaction<ServerSchema>;

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

/** The API's request as a change: one without id or time is made there and then. */
export const presenceChange = (req: PresenceRequest, now: Date): PresenceChange => ({ ...req, id: req.id ?? ulid(), at: req.at ?? now.toISOString() });

async function checkChange(trx: Trx, hall: string, c: PresenceChange): Promise<void> {
  const config = await hallConfig(trx, hall);
  if (!config?.config.counters.includes(c.counterNo)) throw new ServerError('VALIDATION_FAILED', [{ path: 'counterNo', message: 'not a counter of this hall' }]);
  const staff = await trx.selectFrom('staff').select(['disabled_at', 'role', 'hall']).where('login', '=', c.staff).executeTakeFirst();
  if (!staff || staff.disabled_at) throw new ServerError('VALIDATION_FAILED', [{ path: 'staff', message: 'no such active staff account' }]);
  // Leaving a counter is always recorded; taking one is for this hall's clerks only.
  if (c.state === 'in' && (staff.role !== 'clerk' || staff.hall !== hall)) throw new ServerError('NOT_A_COUNTER_CLERK');
  if (c.overriddenBy) {
    const by = await trx.selectFrom('staff').select(['role', 'disabled_at']).where('login', '=', c.overriddenBy).executeTakeFirst();
    if (!by || by.disabled_at || !['supervisor', 'admin'].includes(by.role)) throw new ServerError('ROLE_FORBIDDEN', [{ path: 'overriddenBy', message: 'not an active supervisor' }]);
  }
}

/**
 * Applies a clerk's presence change in the caller's transaction; answers the counters it changed.
 *
 * - Per counter the newest change by its time wins (of two as old, the later to arrive): one older
 *   than what the counter holds changes nothing, so a change made offline that arrives late never
 *   overwrites a newer one, and the same change (by id) posted and then uploaded applies once. A time
 *   ahead of the server's clock is taken as now.
 * - Stepping away, coming back and signing out touch the counter only while this clerk holds it: an
 *   intruder's sign-out never empties the real clerk's counter.
 * - Online ('api') the server refuses signing in with a login that holds another counter
 *   (SIGNED_IN_ELSEWHERE) and taking a counter another clerk holds without a supervisor (COUNTER_IN_USE).
 *   An uploaded change ('event') happened already: the newest sign-in of a login wins, the clerk's
 *   older counter is left signed out.
 */
export async function applyPresence(trx: Trx, hall: string, c: PresenceChange, source: 'api' | 'event', receivedAt: Date): Promise<CounterPresence[]> {
  await checkChange(trx, hall, c);
  // One presence change of a hall at a time: the "signed in elsewhere" check reads the other counters.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`presence:${hall}`}))`.execute(trx);
  const since = new Date(Math.min(Date.parse(c.at), receivedAt.getTime()));
  const held = await trx.selectFrom('counter_presence').selectAll().where('hall', '=', hall).where('counter_no', '=', c.counterNo).executeTakeFirst();
  if (held && (held.event_id === c.id || held.since > since)) return [];
  const holder = held && held.state !== 'out' ? held.staff : null;
  if (c.state !== 'in' && holder !== c.staff) return [];
  const elsewhere = c.state === 'in' ? await heldElsewhere(trx, hall, c) : [];
  // Coming back from a break is no new sign-in; taking a counter is.
  if (c.state === 'in' && holder !== c.staff && source === 'api') {
    if (elsewhere.length) throw new ServerError('SIGNED_IN_ELSEWHERE');
    if (holder && holder !== c.staff && !c.overriddenBy) throw new ServerError('COUNTER_IN_USE');
  }
  if (elsewhere.some((e) => e.since > since)) return [];
  const changed = [c.counterNo, ...elsewhere.map((e) => e.counter_no)];
  for (const e of elsewhere) await put(trx, hall, e.counter_no, { staff: null, state: 'out', since, event_id: c.id, received_at: receivedAt, overridden_by: null });
  await put(trx, hall, c.counterNo, { staff: c.state === 'out' ? null : c.staff, state: c.state, since, event_id: c.id, received_at: receivedAt, overridden_by: c.overriddenBy });
  const rows = await presenceRows(trx, hall);
  return rows.filter((r) => changed.includes(r.counterNo));
}

/** The other counters of the hall this clerk is signed in at (in or away). */
function heldElsewhere(trx: Trx, hall: string, c: PresenceChange) {
  return trx
    .selectFrom('counter_presence')
    .select(['counter_no', 'since'])
    .where('hall', '=', hall)
    .where('staff', '=', c.staff)
    .where('state', '!=', 'out')
    .where('counter_no', '!=', c.counterNo)
    .execute();
}

type PresenceValues = { staff: string | null; state: CounterPresence['state']; since: Date; event_id: string; received_at: Date; overridden_by: string | null };

function put(trx: Trx, hall: string, counterNo: number, values: PresenceValues) {
  return trx
    .insertInto('counter_presence')
    .values({ hall, counter_no: counterNo, ...values })
    .onConflict((oc) => oc.columns(['hall', 'counter_no']).doUpdateSet(values))
    .execute();
}

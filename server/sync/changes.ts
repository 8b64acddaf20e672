import { sql, type Transaction } from 'kysely';
import { currentAnnouncements } from '../announcements/repository.js';
import { SyncSnapshot, type ChangesResponse, type SyncChange } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { upcomingAppointments } from '../appointments/repository.js';
import { listHallConfigs } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { staffCredentials } from '../staff/repository.js';

/** Which appointments a snapshot still holds: those from the hall's today on. */
export interface SnapshotClock {
  now: number;
  timeZone: string;
}

const DEFAULT_CLOCK = (): SnapshotClock => ({ now: Date.now(), timeZone: 'Asia/Shanghai' });

export type NewChange = Omit<SyncChange, 'seq'>;

/**
 * Appends one change in the caller's transaction. The table lock makes seqs commit in order, so a
 * reader never sees seq n+1 before n and a cursor never skips a change still being written.
 */
export async function appendChange(trx: Transaction<ServerSchema>, change: NewChange, now: Date): Promise<number> {
  await sql`LOCK TABLE changes IN EXCLUSIVE MODE`.execute(trx);
  const row = await trx
    .insertInto('changes')
    .values({ entity: change.entity, key: change.key, op: change.op, data: change.data === undefined ? null : JSON.stringify(change.data), created_at: now })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

async function maxSeq(db: ServerDb | Transaction<ServerSchema>): Promise<number> {
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** The seq of the newest change, kept or pruned (0 before the first). */
export async function latestSeq(db: ServerDb | Transaction<ServerSchema>): Promise<number> {
  return Math.max(await maxSeq(db), await prunedThrough(db));
}

async function prunedThrough(db: ServerDb | Transaction<ServerSchema>): Promise<number> {
  const row = await db.selectFrom('change_retention').select('pruned_through').where('id', '=', 1).executeTakeFirst();
  return Number(row?.pruned_through ?? 0);
}

/**
 * The current state of everything terminals download, and the seq it is current as of: catalog,
 * staff credentials, booked and checked-in appointments from today on, and hall configs.
 */
export async function snapshot(db: ServerDb, clock: SnapshotClock = DEFAULT_CLOCK()): Promise<SyncSnapshot> {
  return db.transaction().execute(async (trx) => {
    // Waits for appends in flight, so the data and the cursor belong together.
    await sql`LOCK TABLE changes IN SHARE MODE`.execute(trx);
    const cursor = await latestSeq(trx);
    const cat = await trx.selectFrom('catalog').select('doc').where('id', '=', 1).executeTakeFirst();
    return SyncSnapshot.parse({
      cursor,
      catalog: cat?.doc ?? null,
      staff: await staffCredentials(trx),
      appointments: await upcomingAppointments(trx, hallDay(clock.now, clock.timeZone)),
      halls: await listHallConfigs(trx),
      announcements: await currentAnnouncements(trx, hallDay(clock.now, clock.timeZone)),
    });
  });
}

/**
 * The changes after `after`, oldest first. A cursor whose next changes were pruned, or one ahead of
 * the server (its database restored from a backup), gets the snapshot instead.
 */
export async function changesAfter(db: ServerDb, after: number, limit: number, clock?: SnapshotClock): Promise<ChangesResponse> {
  const [pruned, latest] = [await prunedThrough(db), await latestSeq(db)];
  if (after < pruned || after > latest) return { snapshot: await snapshot(db, clock) };
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'entity', 'key', 'op', 'data'])
    .where('seq', '>', String(after) as never)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map((r) => ({ seq: Number(r.seq), entity: r.entity, key: r.key, op: r.op, data: r.data }));
  return { changes: page, cursor: page.at(-1)?.seq ?? after, hasMore: rows.length > limit };
}

/** Forgets the changes up to `through` (kept: the newest); terminals behind it get a snapshot. */
export async function pruneChanges(db: ServerDb, through: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE changes IN EXCLUSIVE MODE`.execute(trx);
    const upTo = Math.min(through, await maxSeq(trx));
    if (upTo <= (await prunedThrough(trx))) return;
    await trx.deleteFrom('changes').where('seq', '<=', String(upTo) as never).execute();
    await trx.updateTable('change_retention').set({ pruned_through: upTo }).where('id', '=', 1).execute();
  });
}

import { sql } from 'kysely';
import type { ChangesResponse } from '../../core/contract/index.js';
import { certificateChangeFor } from '../certificates/sync.js';
import type { ServerDb } from '../db/connection.js';
import { NO_CREDENTIALS, staffChangeFor, type ChangeReader } from '../staff/credentials.js';
import { latestSeq, maxSeq, prunedThrough } from './seq.js';
import { snapshot, type SnapshotClock } from './snapshot.js';

export { latestSeq } from './seq.js';

/**
 * The changes after `after`, oldest first, as `reader` may hold them (staff credentials: staff/credentials.ts;
 * certificates: their hall's counters and kiosks, certificates/sync.ts).
 * A cursor whose next changes were pruned, or one ahead of the server (its database restored from a
 * backup), gets the snapshot instead.
 */
export async function changesAfter(db: ServerDb, after: number, limit: number, clock?: SnapshotClock, reader: ChangeReader = NO_CREDENTIALS): Promise<ChangesResponse> {
  const [pruned, latest] = [await prunedThrough(db), await latestSeq(db)];
  if (after < pruned || after > latest) return { snapshot: await snapshot(db, clock, reader) };
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'entity', 'key', 'op', 'data'])
    .where('seq', '>', String(after) as never)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map((r) => ({ seq: Number(r.seq), entity: r.entity, key: r.key, op: r.op, data: r.data }));
  const sent = page.flatMap((c) => (c.entity === 'staff' ? (staffChangeFor(reader, c) ?? []) : c.entity === 'certificate' ? (certificateChangeFor(reader, c) ?? []) : [c]));
  // The cursor moves past what this reader was not sent.
  return { changes: sent, cursor: page.at(-1)?.seq ?? after, hasMore: rows.length > limit };
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

/**
 * Forgets the changes made before `now - keepMs` (DESIGN.md §5: a cursor older than what is kept
 * gets 410 and a snapshot). Answers the seq pruned through after it (0 while nothing is pruned).
 */
export async function pruneChangesOlderThan(db: ServerDb, now: Date, keepMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - keepMs);
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).where('created_at', '<', cutoff).executeTakeFirst();
  const through = Number(row?.seq ?? 0);
  if (through > 0) await pruneChanges(db, through);
  return prunedThrough(db);
}

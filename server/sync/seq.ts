import type { Transaction } from 'kysely';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';

type Reader = ServerDb | Transaction<ServerSchema>;

/** The seq of the newest change still kept (0 when none is). */
export async function maxSeq(db: Reader): Promise<number> {
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Changes up to this seq are forgotten. */
export async function prunedThrough(db: Reader): Promise<number> {
  const row = await db.selectFrom('change_retention').select('pruned_through').where('id', '=', 1).executeTakeFirst();
  return Number(row?.pruned_through ?? 0);
}

/** The seq of the newest change, kept or pruned (0 before the first). */
export async function latestSeq(db: Reader): Promise<number> {
  return Math.max(await maxSeq(db), await prunedThrough(db));
}

import { sql, type Transaction } from 'kysely';
import type { SyncChange } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';

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

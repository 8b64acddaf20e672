import { sql, type Transaction } from 'kysely';
import { isServerFault } from './fault.js';
import type { ServerSchema } from './schema.js';

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `work` behind a savepoint of the caller's transaction. A failure of the work's own (its
 * data: see isServerFault) is rolled back to the savepoint and handed back, so the transaction goes
 * on without it; a fault of the server (the database gone, a deadlock) is thrown, and the whole
 * transaction with it.
 */
export async function inSavepoint<T>(tx: Transaction<ServerSchema>, work: () => Promise<T>): Promise<Attempt<T>> {
  await sql`SAVEPOINT item`.execute(tx);
  try {
    const value = await work();
    await sql`RELEASE SAVEPOINT item`.execute(tx);
    return { ok: true, value };
  } catch (error) {
    if (isServerFault(error)) throw error;
    await sql`ROLLBACK TO SAVEPOINT item`.execute(tx);
    return { ok: false, error };
  }
}

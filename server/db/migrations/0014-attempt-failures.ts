import { sql, type Migration } from 'kysely';

/**
 * Issue 11. Failed tries (staff sign-in, enrollment codes, appointment codes, tracking codes) are
 * kept in the database, so a restart or another server instance does not forget them. The key is
 * stored hashed (it may be a tracking code); a row is written when a try starts and deleted if the
 * try turns out not to be a failure, so tries still running count. `forget_at` is when the row
 * stops mattering to its rule.
 */
export const m0014: Migration = {
  async up(db) {
    for (const statement of [
      `CREATE TABLE attempt_failures (
        id text PRIMARY KEY,
        kind text NOT NULL,
        key_hash text NOT NULL,
        failed_at timestamptz NOT NULL,
        forget_at timestamptz NOT NULL
      )`,
      `CREATE INDEX attempt_failures_key ON attempt_failures (kind, key_hash, failed_at)`,
      `CREATE INDEX attempt_failures_forget ON attempt_failures (forget_at)`,
    ])
      await sql.raw(statement).execute(db);
  },
};

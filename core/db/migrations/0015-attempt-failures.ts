import type { Migration } from '../migrate.js';

/**
 * Issue 11. Failed tries at this terminal (appointment codes, phone look-ups, tracking codes) are kept
 * in SQLite, so a restart does not forget them. The key is stored hashed (it may be a tracking code); a
 * row is written when a try starts and deleted if it turns out not to be a failure. `forget_at` is when
 * the row stops mattering to its rule.
 */
export const m0015: Migration = {
  version: 15,
  name: 'attempt-failures',
  up(db) {
    db.exec(`
      CREATE TABLE attempt_failures (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key_hash TEXT NOT NULL,
        failed_at INTEGER NOT NULL,
        forget_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attempt_failures_key ON attempt_failures (kind, key_hash, failed_at);
      CREATE INDEX attempt_failures_forget ON attempt_failures (forget_at);
    `);
  },
};

import type { Migration } from '../migrate.js';

/**
 * The A4 printer's job queue, kept like the slip printer's (0006): queued, printing, done or failed;
 * a failed job with next_attempt_at is retried then, one without it waits for a reprint, which makes
 * a new job pointing back through reprint_of. The failure is the printer's own word (an IPP status
 * such as client-error-not-found, or a socket error such as ECONNREFUSED), so it is free text.
 */
export const m0021: Migration = {
  version: 21,
  name: 'a4-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE a4_job (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL CHECK (json_valid(document)),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        failure TEXT,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        reprint_of TEXT REFERENCES a4_job (id)
      ) STRICT;
      CREATE INDEX a4_job_pending ON a4_job (state, next_attempt_at) WHERE state IN ('queued', 'printing', 'failed');
    `);
  },
};

import type { Migration } from '../migrate.js';

/**
 * The slip printer's job queue. A job is queued, printing (claimed by the worker), done or failed;
 * a failed job with next_attempt_at is retried then, one without it has been given up on and can
 * only be reprinted, which makes a new job pointing back at it through reprint_of.
 */
export const m0006: Migration = {
  version: 6,
  name: 'print-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE print_job (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('ticket', 'checkin', 'checklist', 'tracking')),
        slip TEXT NOT NULL CHECK (json_valid(slip)),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        failure TEXT CHECK (failure IN ('offline', 'timeout', 'disconnected', 'paper-out', 'unprintable')),
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        reprint_of TEXT REFERENCES print_job (id)
      ) STRICT;
      CREATE INDEX print_job_pending ON print_job (state, next_attempt_at, id) WHERE state IN ('queued', 'printing', 'failed');
      CREATE INDEX print_job_recent ON print_job (created_at);
    `);
  },
};

import type { Migration } from '../migrate.js';

/**
 * Reconciling the queue after an outage (issue 10). `placeholder`: a ticket this counter called by
 * a typed number it had never seen; the server's ticket of that number replaces it. `queue_conflict`:
 * what the server found when two counters acted on one ticket, kept until the clerk of the counter
 * that lost has read it.
 */
export const m0011: Migration = {
  version: 11,
  name: 'queue-reconcile',
  up(db) {
    db.exec(`
      ALTER TABLE queue_ticket ADD COLUMN placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1));
      CREATE TABLE queue_conflict (
        id TEXT PRIMARY KEY,
        hall TEXT NOT NULL,
        day TEXT NOT NULL,
        lost_counter INTEGER NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        seen_at TEXT
      ) STRICT;
      CREATE INDEX queue_conflict_counter ON queue_conflict (hall, lost_counter, seen_at);
    `);
  },
};

import type { Migration } from '../migrate.js';

/**
 * Dead letters: an event the server refused as invalid (4xx) is marked here and shown to staff; its
 * seq is reported to the server as skipped, so the rest keeps flowing. It stays in the outbox.
 */
export const m0005: Migration = {
  version: 5,
  name: 'upload',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN dead_at TEXT;
      ALTER TABLE outbox ADD COLUMN dead_reason TEXT;
      CREATE INDEX outbox_dead ON outbox (device_seq) WHERE dead_at IS NOT NULL;
    `);
  },
};

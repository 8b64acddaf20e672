import type { Migration } from '../migrate.js';

export const m0001: Migration = {
  version: 1,
  name: 'device-and-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- device_seq is AUTOINCREMENT so a number is never reused, even after rows are pruned.
      CREATE TABLE outbox (
        device_seq INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outbox_unsent ON outbox (device_seq) WHERE sent_at IS NULL;
    `);
  },
};

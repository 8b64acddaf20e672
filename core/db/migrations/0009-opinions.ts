import type { Migration } from '../migrate.js';

/** Opinions and complaints dropped at this kiosk; the full phone is kept only until uploaded. */
export const m0009: Migration = {
  version: 9,
  name: 'opinions',
  up(db) {
    db.exec(`
      CREATE TABLE opinion (
        id TEXT PRIMARY KEY,
        tracking_code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        phone_last4 TEXT,
        filed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

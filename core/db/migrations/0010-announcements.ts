import type { Migration } from '../migrate.js';

/** The office's notices for the hall, synced down from the central server. */
export const m0010: Migration = {
  version: 10,
  name: 'announcements',
  up(db) {
    db.exec(`
      CREATE TABLE announcement (
        id TEXT PRIMARY KEY,
        hall TEXT NOT NULL,
        starts TEXT NOT NULL,
        ends TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migrate.js';

/**
 * Ratings (好差评): append-only and hash-chained (DESIGN.md §5). Triggers refuse UPDATE and DELETE
 * through this program; an edit made around them (another tool, a raw file edit) breaks the chain,
 * which `npm run verify` reports. `rating_prompt` is the service the rating screen asks about.
 */
export const m0008: Migration = {
  version: 8,
  name: 'ratings',
  up(db) {
    db.exec(`
      CREATE TABLE rating (
        chain_seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL UNIQUE,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER rating_no_update BEFORE UPDATE ON rating BEGIN SELECT RAISE(ABORT, 'ratings are append-only'); END;
      CREATE TRIGGER rating_no_delete BEFORE DELETE ON rating BEGIN SELECT RAISE(ABORT, 'ratings are append-only'); END;
      CREATE TABLE rating_prompt (
        service_id TEXT PRIMARY KEY,
        counter_no INTEGER NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        expires_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

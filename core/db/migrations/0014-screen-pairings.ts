import type { Migration } from '../migrate.js';

/**
 * Screens on other computers paired with this terminal (npm run terminal:pair): the roles each may
 * use, the one-time code while it waits to be used, then the screen's token. Both stored as SHA-256.
 */
export const m0014: Migration = {
  version: 14,
  name: 'screen-pairings',
  up(db) {
    db.exec(`
      CREATE TABLE screen_pairing (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        code_hash TEXT UNIQUE,
        code_expires_at TEXT,
        token_hash TEXT UNIQUE,
        created_at TEXT NOT NULL,
        paired_at TEXT,
        revoked_at TEXT
      ) STRICT;
    `);
  },
};

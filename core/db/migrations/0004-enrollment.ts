import type { Migration } from '../migrate.js';

/**
 * The terminal's enrollment with the central server: its Ed25519 key pair and who the server says
 * it is, plus the last measured clock offset. One row each (id = 1).
 */
export const m0004: Migration = {
  version: 4,
  name: 'enrollment',
  up(db) {
    db.exec(`
      -- private_key is PKCS#8 DER, base64; public_key is the raw 32 bytes, base64url, as the server stores it.
      CREATE TABLE sync_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        name TEXT NOT NULL,
        hall TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        enrolled_at TEXT NOT NULL
      ) STRICT;

      -- offset_ms = server clock - this terminal's clock, measured from one request's round trip.
      CREATE TABLE sync_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        offset_ms INTEGER NOT NULL,
        round_trip_ms INTEGER NOT NULL,
        measured_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

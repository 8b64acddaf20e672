import type { Migration } from '../migrate.js';

/**
 * Issue 11. A terminal holds only the credentials its role needs: a counter its hall's clerks, others
 * none. Every staff row synced before is dropped and the download starts over, so the server sends
 * each terminal what it may hold. A counter session now ends with the hall's day (`day`) or after an
 * idle time (`last_seen_at`), and keeps the server's session for the clerk (`server_token`, null when
 * signed in offline); sessions from before carry neither, and end.
 */
export const m0018: Migration = {
  version: 18,
  name: 'counter-credentials',
  up(db) {
    db.exec(`
      DELETE FROM staff;
      DELETE FROM meta WHERE key = 'sync_download_cursor';
      DROP TABLE counter_session;
      CREATE TABLE counter_session (
        token_hash TEXT PRIMARY KEY,
        login TEXT NOT NULL,
        counter_no INTEGER NOT NULL,
        presence TEXT NOT NULL,
        created_at TEXT NOT NULL,
        day TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        server_token TEXT
      ) STRICT;
    `);
  },
};

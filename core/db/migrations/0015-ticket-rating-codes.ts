import type { Migration } from '../migrate.js';

/**
 * Issue 11. The rating codes of the tickets this kiosk issued, apart from the replicated ticket rows
 * (queue_ticket holds what every terminal of the hall may see): only the issuing kiosk holds a code,
 * so it can check one while the central server is unreachable. Failed rating tries live in the
 * attempt limiter's table, so a restart forgets none.
 * (Reserved number 0015; its version is its place in MIGRATIONS, after the attempt limiter's 0017.)
 */
export const m0015: Migration = {
  version: 15,
  name: 'ticket-rating-codes',
  up(db) {
    db.exec(`CREATE TABLE ticket_rating_code (
      ticket_id TEXT PRIMARY KEY,
      code TEXT NOT NULL
    ) STRICT;`);
  },
};

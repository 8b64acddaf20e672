import type { Migration } from '../migrate.js';

/**
 * Issue 11. The rating codes of the tickets this kiosk issued, apart from the replicated ticket rows
 * (queue_ticket holds what every terminal of the hall may see): only the issuing kiosk holds a code,
 * so it can check one while the central server is unreachable. Failed rating tries live in the
 * attempt limiter's table, so a restart forgets none.
 */
export const m0016: Migration = {
  version: 16,
  name: 'ticket-rating-codes',
  up(db) {
    db.exec(`CREATE TABLE ticket_rating_code (
      ticket_id TEXT PRIMARY KEY,
      code TEXT NOT NULL
    ) STRICT;`);
  },
};

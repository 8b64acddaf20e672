import { sql, type Migration } from 'kysely';

/**
 * Issue 11. A ticket keeps the rating code printed on its slip: the issuing kiosk sends it (online with
 * the request, offline with the ticket's outbox event). The server checks codes for kiosks and never
 * sends them out: not in the queue state, on the board or in hall events (toTicket leaves it out).
 * A ticket from before this step has none and cannot be rated by ticket.
 */
export const m0016: Migration = {
  async up(db) {
    await sql`ALTER TABLE tickets ADD COLUMN rating_code text`.execute(db);
  },
};

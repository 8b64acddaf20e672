import type { Db } from '../db/connection.js';

/** Rating codes of the tickets this kiosk issued (migration 0015): never in queue_ticket, which every terminal's replica holds. */
export function putRatingCode(db: Db, ticketId: string, code: string): void {
  db.prepare('INSERT INTO ticket_rating_code (ticket_id, code) VALUES (?, ?) ON CONFLICT (ticket_id) DO NOTHING').run(ticketId, code);
}

export function ratingCodeOf(db: Db, ticketId: string): string | null {
  return (db.prepare('SELECT code FROM ticket_rating_code WHERE ticket_id = ?').get(ticketId) as { code: string } | undefined)?.code ?? null;
}

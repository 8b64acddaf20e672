import type { Db } from '../db/connection.js';

/** One call of a ticket: its id, its call count and, for the hall day it was called on, its number. */
export interface CallId {
  ticketId: string;
  callCount: number;
  day: string;
  number: string;
}

/**
 * Marks a call as announced. True the first time; false when it already was, under this ticket's
 * id or under the same number and call count that day (a placeholder for a number typed in offline).
 */
export function markAnnounced(db: Db, c: CallId, at: Date): boolean {
  const seen = db.prepare('SELECT 1 FROM announced_call WHERE (ticket_id = ? AND call_count = ?) OR (day = ? AND number = ? AND call_count = ?)').get(c.ticketId, c.callCount, c.day, c.number, c.callCount);
  if (seen) return false;
  db.prepare('INSERT INTO announced_call (ticket_id, call_count, day, number, announced_at) VALUES (?, ?, ?, ?, ?)').run(c.ticketId, c.callCount, c.day, c.number, at.toISOString());
  return true;
}

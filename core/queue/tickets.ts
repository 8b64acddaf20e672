import { Ticket, type ServiceCode } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** A ticket this terminal makes up offline: waiting, never called. */
export function offlineTicket(t: Pick<Ticket, 'id' | 'hall' | 'number' | 'service' | 'appointmentId' | 'enterprise' | 'issuedAt'>): Ticket {
  return { ...t, state: 'waiting', offline: true, counterNo: null, calledAt: null, calledBy: null, callCount: 0, finishedAt: null, appointmentFlag: null };
}

/** Stores a ticket as the server (or this terminal) last described it. */
export function putTicket(db: Db, t: Ticket, day: string): void {
  // Appointment tickets go first in their line, then arrival order (DESIGN.md §5: not a device clock alone
  // — the server's issuedAt for its tickets, our own for offline ones, which the server later orders).
  const ord = (t.appointmentId ? 0 : 1e15) + Date.parse(t.issuedAt);
  db.prepare(
    `INSERT INTO queue_ticket (id, hall, number, service, state, day, issued_at, ord, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, service = excluded.service, state = excluded.state, ord = excluded.ord, doc = excluded.doc`,
  ).run(t.id, t.hall, t.number, t.service, t.state, day, t.issuedAt, ord, JSON.stringify(t));
}

const parse = (rows: { doc: string }[]) => rows.map((r) => Ticket.parse(JSON.parse(r.doc)));

export function getTicket(db: Db, id: string): Ticket | null {
  return parse(db.prepare('SELECT doc FROM queue_ticket WHERE id = ?').all(id) as { doc: string }[])[0] ?? null;
}

export function ticketByNumber(db: Db, hall: string, number: string, day: string): Ticket | null {
  return parse(db.prepare('SELECT doc FROM queue_ticket WHERE hall = ? AND number = ? AND day = ? ORDER BY ord DESC LIMIT 1').all(hall, number, day) as { doc: string }[])[0] ?? null;
}

/** Today's tickets in queue order. */
export function ticketsOfDay(db: Db, hall: string, day: string): Ticket[] {
  return parse(db.prepare('SELECT doc FROM queue_ticket WHERE hall = ? AND day = ? ORDER BY ord, number').all(hall, day) as { doc: string }[]);
}

/**
 * Services still open at a counter, whatever day their ticket was issued: called (being served) or
 * parked there, the latest call first. A service under way at the hall's midnight stays on its counter until it is finished.
 */
export function openServices(db: Db, hall: string): Ticket[] {
  const rows = db.prepare("SELECT doc FROM queue_ticket WHERE hall = ? AND state IN ('called', 'parked') ORDER BY json_extract(doc, '$.calledAt') DESC, number").all(hall);
  return parse(rows as { doc: string }[]);
}

export function waitingIn(db: Db, hall: string, day: string, service: ServiceCode): Ticket[] {
  return parse(db.prepare("SELECT doc FROM queue_ticket WHERE hall = ? AND day = ? AND service = ? AND state = 'waiting' ORDER BY ord, number").all(hall, day, service) as { doc: string }[]);
}

/** The next number this terminal gives out offline: its prefix, the line and a per-day count (T3-A005). */
export function nextOfflineNumber(db: Db, prefix: string, service: ServiceCode, day: string): string {
  const row = db
    .prepare(
      `INSERT INTO queue_offline_number (day, service, last) VALUES (?, ?, 1)
       ON CONFLICT (day, service) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(day, service) as { last: number };
  return `${prefix}-${service}${String(row.last).padStart(3, '0')}`;
}

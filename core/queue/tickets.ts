import { queueOrder } from '../common/queue-rules.js';
import { Ticket, type ServiceCode } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** A ticket this terminal makes up offline: waiting, never called. */
export function offlineTicket(t: Pick<Ticket, 'id' | 'hall' | 'number' | 'service' | 'appointmentId' | 'enterprise' | 'issuedAt'>): Ticket {
  return { ...t, state: 'waiting', offline: true, counterNo: null, calledAt: null, calledBy: null, callCount: 0, finishedAt: null, appointmentFlag: null };
}

/**
 * Stores a ticket as the server (or this terminal) last described it. `placeholder`: a number typed
 * in at this counter that it had never seen; the real ticket of that number, once known, replaces it.
 */
export function putTicket(db: Db, t: Ticket, day: string, placeholder = false): void {
  if (!placeholder) db.prepare('DELETE FROM queue_ticket WHERE placeholder = 1 AND hall = ? AND number = ? AND day = ? AND id <> ?').run(t.hall, t.number, day, t.id);
  // Issue time in ms: which of two tickets with one number is the later. The serving order is queueOrder's.
  const ord = Date.parse(t.issuedAt);
  db.prepare(
    `INSERT INTO queue_ticket (id, hall, number, service, state, day, issued_at, ord, doc, placeholder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, service = excluded.service, state = excluded.state, ord = excluded.ord, doc = excluded.doc`,
  ).run(t.id, t.hall, t.number, t.service, t.state, day, t.issuedAt, ord, JSON.stringify(t), placeholder ? 1 : 0);
}

const parse = (rows: { doc: string }[]) => rows.map((r) => Ticket.parse(JSON.parse(r.doc)));
/** In the one serving order (core/common queueOrder), the same as the server's. */
const inQueueOrder = (rows: { doc: string }[]) => parse(rows).sort(queueOrder);

export function getTicket(db: Db, id: string): Ticket | null {
  return parse(db.prepare('SELECT doc FROM queue_ticket WHERE id = ?').all(id) as { doc: string }[])[0] ?? null;
}

export function ticketByNumber(db: Db, hall: string, number: string, day: string): Ticket | null {
  return parse(db.prepare('SELECT doc FROM queue_ticket WHERE hall = ? AND number = ? AND day = ? ORDER BY ord DESC LIMIT 1').all(hall, number, day) as { doc: string }[])[0] ?? null;
}

/** Today's tickets in serving order. */
export function ticketsOfDay(db: Db, hall: string, day: string): Ticket[] {
  return inQueueOrder(db.prepare('SELECT doc FROM queue_ticket WHERE hall = ? AND day = ?').all(hall, day) as { doc: string }[]);
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
  return inQueueOrder(db.prepare("SELECT doc FROM queue_ticket WHERE hall = ? AND day = ? AND service = ? AND state = 'waiting'").all(hall, day, service) as { doc: string }[]);
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

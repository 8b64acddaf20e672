import { ulid } from 'ulid';
import type { Db } from '../db/connection.js';

export interface OutboxEvent {
  deviceSeq: number;
  eventId: string;
  type: string;
  payload: unknown;
  createdAt: string;
  sentAt: string | null;
}

const appendListeners = new WeakMap<Db, Set<() => void>>();

/**
 * Calls `listener` after each event appended to this database (the uploader's trigger). It runs as
 * a microtask, so after the synchronous transaction that appended the event has committed.
 */
export function onAppend(db: Db, listener: () => void): () => void {
  let set = appendListeners.get(db);
  if (!set) appendListeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Appends an event. Call it inside the same db.transaction() as the business write it describes,
 * so the two commit or roll back together.
 */
export function appendEvent(db: Db, type: string, payload: unknown, now: Date = new Date()): OutboxEvent {
  const eventId = ulid(now.getTime());
  const createdAt = now.toISOString();
  const info = db
    .prepare('INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(eventId, type, JSON.stringify(payload), createdAt);
  appendListeners.get(db)?.forEach((l) => queueMicrotask(l));
  return { deviceSeq: Number(info.lastInsertRowid), eventId, type, payload, createdAt, sentAt: null };
}

export function pendingEvents(db: Db, limit = 500): OutboxEvent[] {
  const rows = db
    .prepare('SELECT device_seq, event_id, type, payload, created_at, sent_at FROM outbox WHERE sent_at IS NULL ORDER BY device_seq LIMIT ?')
    .all(limit) as { device_seq: number; event_id: string; type: string; payload: string; created_at: string; sent_at: string | null }[];
  return rows.map((r) => ({
    deviceSeq: r.device_seq,
    eventId: r.event_id,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

export function pendingCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;
}

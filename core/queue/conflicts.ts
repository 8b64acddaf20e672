import { QueueConflict } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { hallDay } from '../common/hall-time.js';

/** Conflicts the central server found between this hall's counters, as it reported them. */

export function putConflict(db: Db, c: QueueConflict, timeZone: string): boolean {
  const r = db
    .prepare('INSERT INTO queue_conflict (id, hall, day, lost_counter, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
    .run(c.id, c.hall, hallDay(c.lostAt, timeZone), c.lostCounter, JSON.stringify(c));
  return r.changes > 0;
}

const parse = (rows: { doc: string }[]) => rows.map((r) => QueueConflict.parse(JSON.parse(r.doc)));

/** What the clerk of `counterNo` has not read yet: their call that was set aside. */
export function unreadConflicts(db: Db, hall: string, counterNo: number): QueueConflict[] {
  return parse(db.prepare('SELECT doc FROM queue_conflict WHERE hall = ? AND lost_counter = ? AND seen_at IS NULL ORDER BY id').all(hall, counterNo) as { doc: string }[]);
}

export function markConflictRead(db: Db, hall: string, counterNo: number, id: string, at: Date): boolean {
  return db.prepare('UPDATE queue_conflict SET seen_at = ? WHERE id = ? AND hall = ? AND lost_counter = ? AND seen_at IS NULL').run(at.toISOString(), id, hall, counterNo).changes > 0;
}

export function conflictsOfDay(db: Db, hall: string, day: string): QueueConflict[] {
  return parse(db.prepare('SELECT doc FROM queue_conflict WHERE hall = ? AND day = ? ORDER BY id').all(hall, day) as { doc: string }[]);
}

import { QueueConflict } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { hallDay } from '../common/hall-time.js';

/** Conflicts the central server found between this hall's counters, as it reported them. */

export function putConflict(db: Db, c: QueueConflict, timeZone: string): void {
  db.prepare('INSERT INTO queue_conflict (id, hall, day, lost_counter, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(
    c.id,
    c.hall,
    hallDay(c.lostAt, timeZone),
    c.lostCounter,
    JSON.stringify(c),
  );
}

/** A conflict the server withdrew: a later upload settled its ticket otherwise. */
export function dropConflict(db: Db, id: string): void {
  db.prepare('DELETE FROM queue_conflict WHERE id = ?').run(id);
}

/** The server's list of a day's conflicts replaces ours: one that a later upload undid goes. */
export function replaceConflictsOfDay(db: Db, hall: string, day: string, conflicts: QueueConflict[], timeZone: string): void {
  const keep = new Set(conflicts.map((c) => c.id));
  for (const c of conflictsOfDay(db, hall, day)) if (!keep.has(c.id)) dropConflict(db, c.id);
  conflicts.forEach((c) => putConflict(db, c, timeZone));
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

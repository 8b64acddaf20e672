import { ulid } from 'ulid';
import type { Db } from './connection.js';

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The terminal's device id: made once, on first start, and kept for the life of the database. */
export function deviceId(db: Db): string {
  const existing = getMeta(db, 'device_id');
  if (existing) return existing;
  const id = ulid();
  setMeta(db, 'device_id', id);
  return id;
}

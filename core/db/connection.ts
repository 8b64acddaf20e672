import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

/** Opens (creating if needed) a terminal database and brings its schema up to date. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged outbox event survives a power cut, not only a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted and overwritten content is zeroed in the file, so a purged phone cannot be read back from free pages.
    db.pragma('secure_delete = ON');
    migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Copies the write-ahead log into the database and empties it: after a purge, the old versions of
 * the purged rows must not stay readable in the -wal file. False when a reader kept it from finishing.
 */
export function checkpointTruncate(db: Db): boolean {
  if (db.memory) return true;
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { DatabaseFromFutureError, migrate, schemaVersion, type Migration } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { tempDir } from './test-db.js';

const tmp = tempDir();
afterEach(() => tmp.cleanup());

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys at the latest schema version', () => {
    const db = openDatabase(tmp.file('t.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('uses STRICT tables, so a wrong type is refused rather than stored', () => {
    const db = openDatabase(tmp.file('t.sqlite'));
    expect(() =>
      db.prepare("INSERT INTO outbox (event_id, type, payload, created_at) VALUES ('e1', ?, '{}', 'now')").run(Buffer.from([1, 2])),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const file = tmp.file('future.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${MIGRATIONS.length + 3}`);
    raw.close();

    expect(() => openDatabase(file)).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(file)).toThrow(/newer version of the software/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 3);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'outbox'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('reopening an up-to-date database runs nothing again', () => {
    openDatabase(tmp.file('t.sqlite')).close();
    const db = openDatabase(tmp.file('t.sqlite'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });
});

describe('migrate', () => {
  it('rolls back a failing migration whole and keeps the previous version', () => {
    const db = new Database(tmp.file('m.sqlite'));
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE b (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual([{ name: 'a' }]);
    db.close();
  });

  it('refuses migrations that are not numbered 1, 2, 3 …', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
    db.close();
  });
});

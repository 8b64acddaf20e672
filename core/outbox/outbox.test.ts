import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { appendEvent, pendingCount, pendingEvents } from './outbox.js';

const tmp = tempDir();
afterEach(() => tmp.cleanup());

describe('outbox', () => {
  it('numbers events with a strictly increasing device_seq that survives a reopen', () => {
    const file = tmp.file('o.sqlite');
    let db = openDatabase(file);
    const a = appendEvent(db, 'test.a', { n: 1 });
    const b = appendEvent(db, 'test.b', { n: 2 });
    db.close();
    db = openDatabase(file);
    const c = appendEvent(db, 'test.c', { n: 3 });
    expect([a.deviceSeq, b.deviceSeq, c.deviceSeq]).toEqual([1, 2, 3]);
    expect(pendingEvents(db).map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    db.close();
  });

  it('never reuses a device_seq, even after rows are deleted', () => {
    const db = openDatabase(tmp.file('o.sqlite'));
    appendEvent(db, 't', {});
    appendEvent(db, 't', {});
    db.exec('DELETE FROM outbox');
    expect(appendEvent(db, 't', {}).deviceSeq).toBe(3);
    db.close();
  });

  it('commits with the business write, or not at all', () => {
    const db = openDatabase(tmp.file('o.sqlite'));
    db.exec('CREATE TABLE thing (id INTEGER PRIMARY KEY) STRICT');
    const write = db.transaction((fail: boolean) => {
      db.prepare('INSERT INTO thing (id) VALUES (1)').run();
      appendEvent(db, 'thing.created', { id: 1 });
      if (fail) throw new Error('power cut');
    });
    expect(() => write(true)).toThrow('power cut');
    expect(pendingCount(db)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM thing').get()).toEqual({ n: 0 });
    write(false);
    expect(pendingCount(db)).toBe(1);
    db.close();
  });

  it('keeps an acknowledged event after the process dies without closing the database', () => {
    const file = tmp.file('o.sqlite');
    const db = openDatabase(file);
    appendEvent(db, 'ticket.issued', { no: 'A001' });
    // No close(): the WAL must already hold the committed event.
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT type FROM outbox').all()).toEqual([{ type: 'ticket.issued' }]);
    other.close();
    db.close();
  });
});

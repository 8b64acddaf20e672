import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { scrubAcknowledged } from '../outbox/scrub.js';
import { appendRating, ratingsOf, verifyChain, type RatingFields } from './chain.js';

// A counter PC keeps a rating only until the server has it; then the chain entry alone, which still verifies.

const tmp = tempDir('hall-rating-scrub-');
let db: Db;
let file = '';
beforeEach(() => {
  file = tmp.file(`t${Date.now()}${Math.random()}.sqlite`);
  db = openDatabase(file);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const PHONE = '13987654321';
const ID_NUMBER = '230102199001011234';
const fields = (i: number, over: Partial<RatingFields> = {}): RatingFields => ({
  serviceId: `01JQ000000000000000000000${i + 1}`,
  ticketNumber: `A00${i + 1}`,
  counterNo: 1,
  clerkNumber: '0101',
  service: 'A',
  matter: '对外贸易',
  level: 5,
  reasons: [],
  comment: null,
  channel: 'counter',
  recordedAt: `2026-03-02T09:0${i}:00.000Z`,
  ...over,
});
const acknowledge = () => db.prepare('UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL').run('2026-03-02T09:10:00.000Z');
const files = () => [file, `${file}-wal`, `${file}-shm`].map((f) => { try { return readFileSync(f).toString('latin1'); } catch { return ''; } }).join('');
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('a rating once uploaded', () => {
  it('masks a phone or ID number typed into the comment before it is hashed', () => {
    const r = appendRating(db, fields(0, { level: 1, reasons: ['attitude'], comment: `态度差，回电${PHONE}，身份证${ID_NUMBER}` }));
    expect(r.comment).toBe('态度差，回电139****4321，身份证230***********1234');
    expect(verifyChain(db)).toMatchObject({ ok: true, rows: 1 });
  });

  it('leaves the chain entry alone, in the table and the outbox, and the chain still verifies', () => {
    appendRating(db, fields(0));
    appendRating(db, fields(1, { level: 1, reasons: ['attitude'], comment: '华夏进出口有限公司的事办了三次' }));
    acknowledge();
    appendRating(db, fields(2, { level: 2, reasons: ['efficiency'] }));
    expect(scrubAcknowledged(db)).toBe(2);

    // Joined with the tickets, nothing says what was rated, by whom or how.
    const docs = (db.prepare('SELECT doc FROM rating ORDER BY chain_seq').all() as { doc: string }[]).map((r) => JSON.parse(r.doc));
    expect(Object.keys(docs[1]).sort()).toEqual(['chainSeq', 'hash', 'id', 'prevHash', 'serviceId', 'terminalDeviceId']);
    expect(ratingsOf(db).map((r) => r.ticketNumber)).toEqual(['A003']);
    const text = files();
    for (const gone of ['华夏进出口有限公司', 'attitude', '"A002"']) expect(text).not.toContain(utf8(gone));
    expect(verifyChain(db)).toMatchObject({ ok: true, rows: 3, firstBroken: null });
  });

  it('refuses to reduce a rating the server does not have yet, and any other edit', () => {
    appendRating(db, fields(0));
    const row = db.prepare('SELECT id, doc FROM rating').get() as { id: string; doc: string };
    const entry = JSON.stringify({ ...JSON.parse(row.doc), level: undefined, reasons: undefined, comment: undefined, ticketNumber: undefined, clerkNumber: undefined, recordedAt: undefined });
    expect(() => db.prepare('UPDATE rating SET doc = ? WHERE id = ?').run(entry, row.id)).toThrow(/append-only/);
    acknowledge();
    expect(() => db.prepare("UPDATE rating SET doc = json_set(doc, '$.level', 1) WHERE id = ?").run(row.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM rating').run()).toThrow(/append-only/);
  });

  it('still names a chain entry edited after the scrub', () => {
    [0, 1, 2].forEach((i) => appendRating(db, fields(i)));
    acknowledge();
    scrubAcknowledged(db);
    db.exec('DROP TRIGGER rating_no_update');
    db.prepare("UPDATE rating SET hash = ?, doc = json_set(doc, '$.hash', ?) WHERE chain_seq = 2").run('f'.repeat(64), 'f'.repeat(64));
    expect(verifyChain(db).firstBroken).toMatchObject({ chainSeq: 2, problem: 'hash-mismatch' });
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, ratingHashInput } from '../common/rating-chain.js';
import { RATING_EVENT, type RatingRecord } from '../contract/index.js';
import { openDatabase, type Db } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { pendingEvents } from '../outbox/outbox.js';
import { scrubAcknowledged } from '../outbox/scrub.js';
import { appendRating, ratingsOf, uploadedHead, verifyChain, type RatingFields } from './chain.js';

const tmp = tempDir('hall-ratings-');
let db: Db;
beforeEach(() => {
  db = openDatabase(tmp.file(`t${Date.now()}${Math.random()}.sqlite`));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const SERVICE_IDS = ['01JQ0000000000000000000001', '01JQ0000000000000000000002', '01JQ0000000000000000000003', '01JQ0000000000000000000004'];
const fields = (i: number, over: Partial<RatingFields> = {}): RatingFields => ({
  serviceId: SERVICE_IDS[i]!,
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
const fill = () => [0, 1, 2, 3].map((i) => appendRating(db, fields(i, i === 1 ? { level: 1, reasons: ['attitude'], comment: '等了很久' } : {})));
// What a tamperer does: the triggers only stop this program, not someone with the file.
const tamper = (sql: string, ...args: unknown[]) => {
  db.exec('DROP TRIGGER IF EXISTS rating_no_update; DROP TRIGGER IF EXISTS rating_no_delete;');
  db.prepare(sql).run(...args);
};

describe('the rating chain', () => {
  it('links each row to the one before, and each row and its outbox event carry the same record', () => {
    const rows = fill();
    expect(rows.map((r) => r.chainSeq)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    const { hash, ...rest } = rows[1]!;
    expect(hash).toBe(createHash('sha256').update(ratingHashInput(rest)).digest('hex'));
    const events = pendingEvents(db).filter((e) => e.type === RATING_EVENT);
    expect(events.map((e) => e.payload)).toEqual(rows);
    expect(ratingsOf(db)).toEqual(rows);
    expect(verifyChain(db)).toEqual({ ok: true, chains: 1, rows: 4, firstBroken: null });
  });

  it('an empty database verifies as no chains', () => {
    expect(verifyChain(db)).toEqual({ ok: true, chains: 0, rows: 0, firstBroken: null });
  });

  it('refuses a second rating of the same service and writes nothing', () => {
    fill();
    const before = pendingEvents(db).length;
    expect(() => appendRating(db, fields(2, { level: 1, reasons: ['rules'] }))).toThrow(expect.objectContaining({ code: 'ALREADY_RATED' }));
    expect(ratingsOf(db)).toHaveLength(4);
    expect(pendingEvents(db)).toHaveLength(before);
  });

  it('refuses an UPDATE or DELETE through the program', () => {
    fill();
    expect(() => db.prepare('UPDATE rating SET hash = ? WHERE chain_seq = 2').run('0'.repeat(64))).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM rating WHERE chain_seq = 2').run()).toThrow(/append-only/);
    expect(verifyChain(db).ok).toBe(true);
  });

  it('names the row whose level was turned from bad to good behind the triggers', () => {
    const rows = fill();
    tamper("UPDATE rating SET doc = json_set(doc, '$.level', 5, '$.reasons', json('[]'), '$.comment', NULL) WHERE chain_seq = 2");
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBroken: { chainSeq: 2, id: rows[1]!.id, problem: 'hash-mismatch' } });
  });

  it('names an edited row re-hashed to hide the edit: its outbox event keeps the hash it had', () => {
    const rows = fill();
    const edited: Omit<RatingRecord, 'hash'> = { ...rows[1]!, level: 5, reasons: [], comment: null };
    const hash = createHash('sha256').update(ratingHashInput(edited)).digest('hex');
    tamper('UPDATE rating SET doc = ?, hash = ? WHERE chain_seq = 2', JSON.stringify({ ...edited, hash }), hash);
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBroken: { chainSeq: 2, id: rows[1]!.id, problem: 'hash-mismatch' } });
  });

  it('names the next row when the outbox event was rewritten too: the link to it breaks', () => {
    const rows = fill();
    const edited: Omit<RatingRecord, 'hash'> = { ...rows[1]!, level: 5, reasons: [], comment: null };
    const hash = createHash('sha256').update(ratingHashInput(edited)).digest('hex');
    tamper('UPDATE rating SET doc = ?, hash = ? WHERE chain_seq = 2', JSON.stringify({ ...edited, hash }), hash);
    tamper("UPDATE outbox SET payload = ? WHERE type = ? AND json_extract(payload, '$.chainSeq') = 2", JSON.stringify({ ...edited, hash }), RATING_EVENT);
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBroken: { chainSeq: 3, id: rows[2]!.id, problem: 'link-broken' } });
  });

  it('names the gap a deleted row leaves, with the id its outbox event kept', () => {
    const rows = fill();
    tamper('DELETE FROM rating WHERE chain_seq = 2');
    expect(verifyChain(db)).toMatchObject({ ok: false, rows: 3, firstBroken: { chainSeq: 2, id: rows[1]!.id, problem: 'missing-row' } });
  });

  it('notices a deleted last row from the ratings the outbox recorded', () => {
    const rows = fill();
    tamper('DELETE FROM rating WHERE chain_seq = 4');
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBroken: { chainSeq: 4, id: rows[3]!.id, problem: 'missing-row' } });
  });

  it('records "not rated" as a level of null, never as a good rating', () => {
    const r = appendRating(db, fields(0, { level: null }));
    expect(r.level).toBeNull();
    expect(verifyChain(db).ok).toBe(true);
  });
});

describe('the chain head a heartbeat reports', () => {
  it('is the last row the server acknowledged, not one still in the outbox', () => {
    expect(uploadedHead(db)).toBeNull();
    const rows = fill();
    expect(uploadedHead(db)).toBeNull();
    const seqOf = (r: RatingRecord) => pendingEvents(db, 100).find((e) => e.type === RATING_EVENT && (e.payload as RatingRecord).id === r.id)!.deviceSeq;
    db.prepare('UPDATE outbox SET sent_at = ? WHERE device_seq <= ?').run('2026-03-02T09:10:00.000Z', seqOf(rows[2]!));
    expect(uploadedHead(db)).toEqual({ seq: 3, hash: rows[2]!.hash });
  });
});

// A counter PC keeps a rating only until the server has it; then the chain entry alone, which still verifies.
const PHONE = '13987654321';
const ID_NUMBER = '230102199001011234';
const acknowledge = () => db.prepare('UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL').run('2026-03-02T09:10:00.000Z');
const files = () => [db.name, `${db.name}-wal`, `${db.name}-shm`].map((f) => { try { return readFileSync(f).toString('latin1'); } catch { return ''; } }).join('');
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

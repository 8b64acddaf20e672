import { afterEach, describe, expect, it } from 'vitest';
import { NewOpinion, OPINION_EVENT, TrackingCode } from '../contract/opinions.js';
import { openDatabase, type Db } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { appendEvent, pendingEvents } from '../outbox/outbox.js';
import { scrubAcknowledged } from '../outbox/scrub.js';
import { findOpinion, fileOpinion, localProgress, mayLookUp } from './repository.js';
import { slipCategory, slipLookupHint } from './slip-text.js';
import { TRACKING_ALPHABET, TRACKING_CHARS } from '../common/tracking-code.js';
import { newTrackingCode, normalizeTrackingCode, trackingQr } from './tracking-code.js';

const tmp = tempDir('hall-opinions-');
let db: Db;
afterEach(() => {
  db?.close();
  tmp.cleanup();
});
const open = () => (db = openDatabase(tmp.file('t.sqlite')));
const complaint = NewOpinion.parse({ kind: 'complaint', text: '窗口工作人员让我来回跑了三趟。', prohibition: 4, phone: '13812345678' });

describe('tracking codes', () => {
  it('are three groups of five characters a visitor can read aloud without look-alikes, at least 60 bits', () => {
    expect(TRACKING_CHARS * Math.log2(TRACKING_ALPHABET.length)).toBeGreaterThanOrEqual(60);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(code, code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
      expect(TrackingCode.safeParse(code).success, code).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
      seen.add(code);
    }
    expect(seen.size).toBe(200);
  });

  it('are read back however the visitor types or scans them: without separators, in lower case, from the QR', () => {
    expect(normalizeTrackingCode(' k7pm3 xq9ab cdefg ')).toBe('K7PM3-XQ9AB-CDEFG');
    expect(normalizeTrackingCode('K7PM3XQ9ABCDEFG')).toBe('K7PM3-XQ9AB-CDEFG');
    expect(normalizeTrackingCode('k7pm3-xq9ab-cdefg')).toBe('K7PM3-XQ9AB-CDEFG');
    expect(normalizeTrackingCode(trackingQr('K7PM3-XQ9AB-CDEFG'))).toBe('K7PM3-XQ9AB-CDEFG');
    expect(normalizeTrackingCode('hall-opinion:k7pm3xq9abcdefg')).toBe('K7PM3-XQ9AB-CDEFG');
    for (const bad of ['K7PM3-XQ9AB-CDEF', 'K7PM3-XQ9AB-CDEFO', 'K7PM3-XQ9AB-CDEFGH', 'K7PM-3XQ']) expect(normalizeTrackingCode(bad), bad).toBeNull();
  });

  it('handed out before (4 + 4) keep working', () => {
    expect(normalizeTrackingCode(' k7pm 3xq9 ')).toBe('K7PM-3XQ9');
    expect(normalizeTrackingCode('K7PM3XQ9')).toBe('K7PM-3XQ9');
    expect(normalizeTrackingCode(trackingQr('K7PM-3XQ9'))).toBe('K7PM-3XQ9');
    expect(normalizeTrackingCode('K7PM-3XQO')).toBeNull();
  });
});

describe('filing an opinion', () => {
  it('keeps only the last four phone digits locally; the event carries text and full phone', () => {
    open();
    const filed = fileOpinion(db, complaint, { now: new Date('2026-11-26T01:30:00Z') });
    const row = db.prepare('SELECT * FROM opinion').get() as Record<string, unknown>;
    expect(row).toMatchObject({ tracking_code: filed.trackingCode, kind: 'complaint', phone_last4: '5678', filed_at: '2026-11-26T01:30:00.000Z' });
    expect(JSON.stringify(row)).not.toContain('13812345678');
    const events = pendingEvents(db).filter((e) => e.type === OPINION_EVENT);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ ...filed, phone: '13812345678', prohibition: 4, text: '窗口工作人员让我来回跑了三趟。' });
  });

  it('draws another code when the first one is already used on this terminal', () => {
    open();
    const codes = ['AAAA-2222', 'AAAA-2222', 'BBBB-3333'];
    const a = fileOpinion(db, complaint, { newCode: () => codes.shift()! });
    const b = fileOpinion(db, complaint, { newCode: () => codes.shift()! });
    expect([a.trackingCode, b.trackingCode]).toEqual(['AAAA-2222', 'BBBB-3333']);
  });

  it('leaves no event behind when the row cannot be written', () => {
    open();
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON opinion BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => fileOpinion(db, complaint)).toThrow('disk full');
    expect(pendingEvents(db)).toEqual([]);
  });
});

describe('looking an opinion up locally', () => {
  it('needs the last four digits when a phone was left, none otherwise', () => {
    open();
    const withPhone = findOpinion(db, fileOpinion(db, complaint).trackingCode)!;
    const without = findOpinion(db, fileOpinion(db, NewOpinion.parse({ kind: 'suggestion', text: '希望多设几个座位。' })).trackingCode)!;
    expect(mayLookUp(withPhone, '5678')).toBe(true);
    expect(mayLookUp(withPhone, '1234')).toBe(false);
    expect(mayLookUp(withPhone, undefined)).toBe(false);
    expect(mayLookUp(without, undefined)).toBe(true);
    expect(findOpinion(db, 'ZZZZ-ZZZZ')).toBeNull();
  });

  it('says received, and whether the central server has it yet', () => {
    open();
    const filed = fileOpinion(db, complaint);
    expect(localProgress(findOpinion(db, filed.trackingCode)!)).toEqual({
      trackingCode: filed.trackingCode,
      kind: 'complaint',
      state: 'received',
      filedAt: filed.filedAt,
      deadline: null,
      feedback: null,
      received: false,
    });
    db.prepare('UPDATE outbox SET sent_at = ?').run(new Date().toISOString());
    expect(localProgress(findOpinion(db, filed.trackingCode)!).received).toBe(true);
  });

  it('forgets the text and the full phone once the server acknowledges the event, not before', () => {
    open();
    fileOpinion(db, complaint);
    appendEvent(db, 'test.other', { phone: '13900001111' });
    const stored = () => JSON.stringify(db.prepare('SELECT payload FROM outbox ORDER BY device_seq').all());
    expect(scrubAcknowledged(db)).toBe(0);
    expect(stored()).toContain('13812345678');
    db.prepare('UPDATE outbox SET sent_at = ?').run(new Date().toISOString());
    expect(scrubAcknowledged(db)).toBe(1);
    expect(stored()).not.toContain('13812345678');
    expect(stored()).not.toContain(complaint.text);
    expect(stored()).toContain('13900001111');
    expect(pendingEvents(db)).toEqual([]);
    const payload = JSON.parse((db.prepare('SELECT payload FROM outbox WHERE type = ?').get(OPINION_EVENT) as { payload: string }).payload);
    expect(payload).toMatchObject({ phone: null, text: '', kind: 'complaint' });
    expect(findOpinion(db, payload.trackingCode)).toMatchObject({ uploaded: true, phoneLast4: '5678' });
  });
});

describe('slip text', () => {
  it('names the kind and the prohibition cited, and how to look up', () => {
    expect(slipCategory('zh-CN', 'complaint', 4)).toBe('投诉：十一不准第4条');
    expect(slipCategory('en', 'leadership-letter', null)).toBe('Letter to the leadership');
    expect(slipLookupHint('zh-CN', true)).toBe('凭查询码（及手机号后四位）查询进度');
    expect(slipLookupHint('ru', false)).toContain('по этому коду');
  });
});

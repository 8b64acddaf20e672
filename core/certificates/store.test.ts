import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError} from '../contract/index.js';
import { CERTIFICATE_EVENTS, type CertificateDoc } from '../contract/index.js';
import { openDatabase, type Db } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { tempDir } from '../db/test-db.js';
import { InvalidSlipError } from '../print/jobs.js';
import { purgeTerminal } from '../retention/purge.js';
import { scrubAcknowledged } from '../outbox/scrub.js';
import { applySnapshot } from '../sync/downloader.js';
import { handOver, type HandoverRequest } from './handover.js';
import { CERTIFICATE_APPLY, getCertificate, verifyingKeys } from './store.js';
import { TEST_TEMPLATES, testCertificate, testKey } from './test-certificates.js';

const tmp = tempDir('hall-cert-store-');
const signer = testKey();
const slipTemplate = TEST_TEMPLATES.find((t) => t.medium === 'slip')!;
let db: Db;
let seq = 0;
beforeEach(() => {
  db = openDatabase(tmp.file(`c${Math.random()}.sqlite`));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const upsert = (doc: CertificateDoc) => CERTIFICATE_APPLY.certificate!(db, { seq: ++seq, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
const request = (doc: CertificateDoc, at: string): HandoverRequest => ({
  certificateId: doc.id,
  hall: 'main',
  channel: 'counter',
  recipient: { kind: 'self', name: '张三丰', idType: 'passport', idNumber: 'E12345678', letterChecked: false },
  counter: '6',
  clerk: { name: '赵磊', number: '0601' },
  ticketId: null,
  arrivedAt: null,
  lang: 'zh-CN',
  template: slipTemplate,
  timeZone: 'Asia/Shanghai',
  now: new Date(at),
});
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 20', () => {
  it('rebuilds print_job keeping every job, its order and its reprint link, and admits the certificate slips', () => {
    const file = tmp.file('v19.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    migrate(raw, MIGRATIONS.slice(0, 19));
    const ins = raw.prepare("INSERT INTO print_job (id, kind, slip, state, attempts, created_at, updated_at, reprint_of) VALUES (?, ?, '{}', 'done', 1, 't', 't', ?)");
    ins.run('B', 'ticket', null);
    ins.run('A', 'checkin', 'B');
    expect(() => ins.run('C', 'certificate', null)).toThrow(/CHECK/);
    migrate(raw, MIGRATIONS);
    expect(raw.prepare('SELECT id, kind, reprint_of FROM print_job ORDER BY rowid').all()).toEqual([
      { id: 'B', kind: 'ticket', reprint_of: null },
      { id: 'A', kind: 'checkin', reprint_of: 'B' },
    ]);
    ins.run('C', 'certificate', null);
    ins.run('D', 'handover-receipt', 'C');
    expect(() => ins.run('E', 'ticket', 'nope')).toThrow(/FOREIGN KEY/);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'print_job%' AND type = 'index'").get()).toEqual({ n: 2 });
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
  });
});

describe('certificates synced down', () => {
  it('a hand-over made here is not undone by an older server document arriving before the upload', () => {
    const doc = testCertificate(signer);
    upsert(doc);
    handOver(db, request(doc, '2026-12-02T02:00:00Z'));
    upsert({ ...doc, fields: { ...doc.fields, note: 'server edit' } });
    const mine = getCertificate(db, doc.id)!;
    expect(mine.state).toBe('handed_over');
    expect(mine.handedOver).toMatchObject({ at: '2026-12-02T02:00:00.000Z', counter: '6', channel: 'counter' });
    expect(mine.fields.note).toBe('server edit');
    // The server's revocation still wins.
    upsert({ ...doc, state: 'revoked', revoked: { on: '2026-12-03', reason: '撤销' } });
    expect(getCertificate(db, doc.id)!.state).toBe('revoked');
  });

  it('a delete or a snapshot drops certificates nobody acted on here, and keeps the ones with a hand-over log', () => {
    const acted = testCertificate(signer);
    const idle = testCertificate(signer);
    const gone = testCertificate(signer);
    [acted, idle, gone].forEach(upsert);
    handOver(db, request(acted, '2026-12-02T02:00:00Z'));
    CERTIFICATE_APPLY.certificate!(db, { seq: ++seq, entity: 'certificate', key: gone.id, op: 'delete', data: null });
    expect(getCertificate(db, gone.id)).toBeNull();
    const fresh = testCertificate(signer);
    applySnapshot(db, { cursor: 99, certificates: [fresh], certificateKeys: [signer.key] } as Parameters<typeof applySnapshot>[1]);
    expect([getCertificate(db, acted.id)?.state, getCertificate(db, idle.id), getCertificate(db, fresh.id)?.state]).toEqual(['handed_over', null, 'ready']);
    expect(verifyingKeys(db).map((k) => k.keyId)).toEqual([signer.key.keyId]);
  });
});

describe('one transaction', () => {
  it('a print that cannot be queued rolls the whole hand-over back', () => {
    const doc = testCertificate(signer, { qr: `${'x'.repeat(500)}` });
    upsert(doc);
    const before = { h: count('certificate_handover'), o: count('outbox'), j: count('print_job') };
    expect(() => handOver(db, request(doc, '2026-12-02T02:00:00Z'))).toThrow(InvalidSlipError);
    expect({ h: count('certificate_handover'), o: count('outbox'), j: count('print_job') }).toEqual(before);
    expect(getCertificate(db, doc.id)!.state).toBe('ready');
  });

  it('two hand-overs of one certificate: the second is refused', () => {
    const doc = testCertificate(signer);
    upsert(doc);
    handOver(db, request(doc, '2026-12-02T02:00:00Z'));
    const err = (() => {
      try {
        handOver(db, { ...request(doc, '2026-12-02T03:00:00Z'), counter: '5' });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toMatchObject({ code: 'ALREADY_HANDED_OVER', params: { at: '2026-12-02 10:00', counter: '6号窗口' } });
    expect(count('certificate_handover')).toBe(1);
  });
});

describe('retention', () => {
  it('clears who collected once the server has the event and the period is over; the hand-over stays', () => {
    const doc = testCertificate(signer);
    upsert(doc);
    handOver(db, request(doc, '2026-06-01T02:00:00Z'));
    const keep = { appointmentDays: 1, ticketDays: 7, opinionDays: 90, certificateDays: 180 };
    expect(purgeTerminal(db, new Date('2026-12-30T02:00:00Z'), 'Asia/Shanghai', keep).handovers).toBe(0); // not uploaded yet
    db.prepare('UPDATE outbox SET sent_at = ? WHERE type = ?').run('2026-06-01T03:00:00Z', CERTIFICATE_EVENTS.handedOver);
    expect(purgeTerminal(db, new Date('2026-11-20T02:00:00Z'), 'Asia/Shanghai', keep).handovers).toBe(0); // within 180 days
    expect(purgeTerminal(db, new Date('2026-12-30T02:00:00Z'), 'Asia/Shanghai', keep).handovers).toBe(1);
    expect(db.prepare('SELECT recipient_name, id_hash, id_last4, counter FROM certificate_handover').get()).toEqual({ recipient_name: null, id_hash: null, id_last4: null, counter: '6' });
    // The uploaded event lost the name and digits already.
    scrubAcknowledged(db);
    const payload = JSON.parse((db.prepare('SELECT payload FROM outbox WHERE type = ?').get(CERTIFICATE_EVENTS.handedOver) as { payload: string }).payload);
    expect([payload.recipientName, payload.idLast4, payload.certificateId]).toEqual(['', '', doc.id]);
  });
});

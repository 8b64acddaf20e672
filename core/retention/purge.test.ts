import { readFileSync } from 'node:fs';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewOpinion, type Appointment } from '../contract/index.js';
import { openDatabase, type Db } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { fileOpinion, findOpinion } from '../opinions/repository.js';
import { putAppointment } from '../queue/reference.js';
import { getTicket, offlineTicket, putTicket } from '../queue/tickets.js';
import { purgeTerminal } from './purge.js';

const TZ = 'Asia/Shanghai';
const KEEP = { appointmentDays: 1, ticketDays: 7, opinionDays: 90, certificateDays: 180 };
const tmp = tempDir('hall-purge-');
let db: Db;
let file = '';
beforeEach(() => {
  file = tmp.file(`t${Math.random()}.sqlite`);
  db = openDatabase(file);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const appointment = (date: string, enterprise: string): Appointment => ({
  id: ulid(),
  code: String(Math.floor(100000 + Math.random() * 899999)),
  hall: 'main',
  enterprise,
  phoneMasked: '139****4321',
  phoneLast4: '4321',
  matter: '对外贸易',
  procedureCode: null,
  service: 'A',
  date,
  from: '09:00',
  to: '09:30',
  state: 'booked',
  ticketId: null,
  createdAt: `${date}T00:00:00.000Z`,
});
const ticket = (day: string, state: 'done' | 'called', enterprise: string) => {
  const t = { ...offlineTicket({ id: ulid(), hall: 'main', number: 'A001', service: 'A', appointmentId: null, enterprise, issuedAt: `${day}T01:00:00.000Z` }), state };
  putTicket(db, t, day);
  return t.id;
};
const files = () => [file, `${file}-wal`, `${file}-shm`].map((f) => { try { return readFileSync(f).toString('latin1'); } catch { return ''; } }).join('');
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('the terminal purge', () => {
  it('deletes what is past its retention by the hall’s day, keeps the rest, and leaves nothing in the files', () => {
    putAppointment(db, appointment('2026-03-01', '华夏进出口有限公司'));
    const kept = appointment('2026-03-02', '龙江对外贸易有限公司');
    putAppointment(db, kept);
    const old = ticket('2026-02-20', 'done', '华夏进出口有限公司');
    const stillOpen = ticket('2026-02-20', 'called', '松花江贸易有限公司');
    const recent = ticket('2026-02-28', 'done', '龙江对外贸易有限公司');
    const opinion = NewOpinion.parse({ kind: 'complaint', text: '窗口工作人员让我来回跑了三趟。', phone: '13987654321' });
    const uploaded = fileOpinion(db, opinion, { now: new Date('2025-11-01T02:00:00Z') });
    const notYet = fileOpinion(db, opinion, { now: new Date('2025-11-01T03:00:00Z') });
    db.prepare('UPDATE outbox SET sent_at = ? WHERE json_extract(payload, ?) = ?').run('2025-11-01T02:01:00Z', '$.id', uploaded.id);

    // 2026-03-03 00:30 in the hall is still 2026-03-02 in UTC: the hall's day decides.
    const result = purgeTerminal(db, new Date('2026-03-02T16:30:00Z'), TZ, KEEP);
    expect(result).toMatchObject({ appointments: 1, tickets: 1, opinions: 1 });
    expect((db.prepare('SELECT id FROM appointment').all() as { id: string }[]).map((r) => r.id)).toEqual([kept.id]);
    expect([getTicket(db, old), getTicket(db, stillOpen)?.state, getTicket(db, recent)?.state]).toEqual([null, 'called', 'done']);
    expect(findOpinion(db, uploaded.trackingCode)).toBeNull();
    expect(findOpinion(db, notYet.trackingCode)).toMatchObject({ uploaded: false });
    // The uploaded opinion's event had lost its text and phone; the one not uploaded keeps them for the server.
    expect(files()).not.toContain(utf8('华夏进出口有限公司'));
    expect((db.prepare('SELECT count(*) AS n FROM outbox WHERE payload LIKE ?').get('%13987654321%') as { n: number }).n).toBe(1);
  });

  it('on the day before, keeps everything', () => {
    putAppointment(db, appointment('2026-03-01', '华夏进出口有限公司'));
    expect(purgeTerminal(db, new Date('2026-03-02T15:59:00Z'), TZ, KEEP)).toMatchObject({ appointments: 0 });
  });
});

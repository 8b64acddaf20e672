import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallConfig, type ScreenMessage, type Ticket } from '../../core/contract/index.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { ratingsOf, verifyChain } from '../../core/ratings/chain.js';
import { hallDay } from '../../core/common/hall-time.js';
import { ROOT } from '../config.js';
import { RatingDesk, type RatingHost } from './rating-desk.js';

// The rating desk with a hand-driven clock and timer: the test decides when time passes and when the timer fires.

const config = HallConfig.parse(JSON.parse(readFileSync(join(ROOT, 'assets/hall/default.json'), 'utf8')));
const tmp = tempDir('hall-rating-desk-');
let db: Db;
let clock: number;
let timers: { delay: number; run: () => void; cancelled: boolean }[];
let messages: ScreenMessage[];

const host = (): RatingHost => ({ db, now: () => new Date(clock), today: () => hallDay(new Date(clock), 'Asia/Shanghai'), hall: () => 'main', config: () => config });
const desk = () =>
  new RatingDesk(host(), { send: (m) => messages.push(m) }, {
    ratingSeconds: 120,
    schedule: (delay, run) => {
      const t = { delay, run, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
  });
const pending = () => timers.filter((t) => !t.cancelled);
const fire = () => {
  const live = pending();
  expect(live).toHaveLength(1);
  live[0]!.cancelled = true;
  live[0]!.run();
};

let n = 0;
const finished = (number: string): Ticket => ({
  id: `01JQ${String(++n).padStart(22, '0')}`,
  hall: 'main',
  number,
  service: 'A',
  state: 'done',
  appointmentId: null,
  enterprise: null,
  issuedAt: new Date(clock - 600_000).toISOString(),
  offline: false,
  counterNo: 1,
  calledAt: new Date(clock - 300_000).toISOString(),
  calledBy: '0101',
  callCount: 1,
  finishedAt: new Date(clock).toISOString(),
  appointmentFlag: null,
});
const clerk = { name: '王芳', number: '0101' };

beforeEach(() => {
  db = openDatabase(tmp.file(`d${++n}.sqlite`));
  clock = Date.parse('2026-03-02T01:30:00.000Z');
  timers = [];
  messages = [];
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('the rating prompt a finished service opens', () => {
  it('shows who served, where and what, until the visitor walks away; then records the service as not rated', () => {
    const d = desk();
    d.start();
    const t = finished('A001');
    d.open(t, clerk, 1);
    expect(messages).toContainEqual({ type: 'rating' });
    expect(d.current()).toEqual({
      serviceId: t.id,
      ticketNumber: 'A001',
      counterNo: 1,
      clerkName: '王芳',
      clerkNumber: '0101',
      service: 'A',
      matter: { 'zh-CN': '对外贸易', en: 'Foreign trade', ru: 'Внешняя торговля' },
      finishedAt: '2026-03-02T01:30:00.000Z',
      expiresAt: '2026-03-02T01:32:00.000Z',
    });
    // A timer that wakes before the expiry records nothing.
    clock += 60_000;
    fire();
    expect(ratingsOf(db)).toEqual([]);
    expect(d.current()?.serviceId).toBe(t.id);
    clock += 60_000;
    fire();
    expect(d.current()).toBeNull();
    expect(ratingsOf(db)).toMatchObject([{ serviceId: t.id, matter: '对外贸易', level: null, reasons: [], channel: 'counter', recordedAt: '2026-03-02T01:32:00.000Z' }]);
    expect(pending()).toHaveLength(0);
  });

  it('a second finish at the same counter records the first service as not rated and asks about the second', () => {
    const d = desk();
    const first = finished('A001');
    d.open(first, clerk, 1);
    clock += 30_000;
    const second = finished('A002');
    d.open(second, clerk, 1);
    expect(d.current()?.ticketNumber).toBe('A002');
    expect(ratingsOf(db)).toMatchObject([{ serviceId: first.id, level: null }]);
    d.submit(second.id, { level: 4, reasons: [], comment: null });
    expect(ratingsOf(db).map((r) => [r.ticketNumber, r.level])).toEqual([
      ['A001', null],
      ['A002', 4],
    ]);
    expect(verifyChain(db).ok).toBe(true);
  });

  it('records prompts that lapsed while the service was down when it starts again', () => {
    const before = desk();
    const t = finished('A003');
    before.open(t, clerk, 1);
    before.stop();
    clock += 3_600_000;
    const after = desk();
    after.start();
    expect(ratingsOf(db)).toMatchObject([{ serviceId: t.id, level: null, recordedAt: '2026-03-02T01:32:00.000Z' }]);
    expect(after.current()).toBeNull();
  });

  it('still asks about, and records in Chinese, a prompt stored before the matter carried its translations', () => {
    const t = finished('A005');
    const old = { serviceId: t.id, ticketNumber: 'A005', counterNo: 1, clerkName: '王芳', clerkNumber: '0101', service: 'A', matter: '对外贸易', finishedAt: t.finishedAt, expiresAt: new Date(clock + 120_000).toISOString() };
    db.prepare('INSERT INTO rating_prompt (service_id, counter_no, doc, expires_at) VALUES (?, ?, ?, ?)').run(t.id, 1, JSON.stringify(old), old.expiresAt);
    const d = desk();
    d.start();
    expect(d.current()).toMatchObject({ serviceId: t.id, matter: { 'zh-CN': '对外贸易' } });
    d.submit(t.id, { level: 5, reasons: [], comment: null });
    expect(ratingsOf(db)).toMatchObject([{ serviceId: t.id, matter: '对外贸易', level: 5 }]);
  });

  it('keeps a comment only when something was written, and refuses a bad rating without reasons', () => {
    const d = desk();
    const t = finished('A004');
    d.open(t, clerk, 1);
    expect(() => d.submit(t.id, { level: 2, reasons: [], comment: null })).toThrow();
    expect(ratingsOf(db)).toEqual([]);
    d.submit(t.id, { level: 2, reasons: ['efficiency'], comment: '   ' });
    expect(ratingsOf(db)).toMatchObject([{ level: 2, reasons: ['efficiency'], comment: null }]);
  });
});

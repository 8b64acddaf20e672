import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateDoc } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { seedCertificate, seedHandover, seedKey, type TestKey } from './certificate-test-support.js';
import { feedbackFixture, type FeedbackFixture } from './test-support.js';

/**
 * The 证照 section's numbers, which a supervisor must be able to trust: what waits too long, counted
 * in the hall's days with the clock pinned at the day boundary; 马上办 percentiles on known data by
 * counter, clerk and type; every reprint with its reason; second hand-overs.
 */
const hall = (local: string) => new Date(`${local}+08:00`);
const MONTH = 'from=2026-11-01&to=2026-11-30';

describe.each(backends)('the certificates section of the supervision pages, on $name', (backend) => {
  let f: FeedbackFixture;
  let key: TestKey;
  let lateEvening: CertificateDoc;
  let midnight: CertificateDoc;
  let citizen: CertificateDoc;
  let serial = 1000;
  const cert = (o: Partial<Parameters<typeof seedCertificate>[1]> & { readyAt: Date }) => seedCertificate(f.db, { key, serial: String(++serial), ...o });
  const overview = async (query = MONTH) => {
    const res = await f.staff('office', 'GET', `/api/supervision/certificates?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const times = async (by: string, query = MONTH) => {
    const res = await f.staff('inspector', 'GET', `/api/supervision/certificates/immediate?${query}&by=${by}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    key = await seedKey(f.db, 'hlj-2026');
    // Ready at 23:59 and at 00:00 the next day, hall time: one hall day apart though a minute apart.
    lateEvening = await cert({ readyAt: hall('2026-11-01T23:59:00'), number: '黑劳合字〔2026〕第0001号' });
    midnight = await cert({ readyAt: hall('2026-11-02T00:00:00'), number: '黑劳合字〔2026〕第0002号' });
    citizen = await cert({ readyAt: hall('2026-10-20T10:00:00'), template: 'prepaid-card-filing', procedureId: 'MC-01', name: '单用途商业预付卡备案回执', holder: { name: '张小三', code: '230102199001011234', codeType: '111' } });
    await cert({ readyAt: hall('2026-11-10T09:00:00') });
    await cert({ readyAt: hall('2026-10-01T09:00:00'), state: 'revoked', revoked: { on: '2026-10-15', reason: '注销' } });

    // 马上办: counter 6 (王芳) took 1, 2, … 20 minutes on twenty labour-cooperation certificates; counter 5
    // (李娜) 5 and 15 minutes on two auction licences; one walk-in without a ticket has no time.
    for (let i = 1; i <= 20; i++) {
      const c = await cert({ readyAt: hall('2026-10-30T09:00:00') });
      await seedHandover(f.db, { certificateId: c.id, at: hall(`2026-11-${String(2 + (i % 9)).padStart(2, '0')}T10:00:00`), counter: '6', clerk: 'wang.fang', immediateSeconds: i * 60 });
    }
    for (const minutes of [5, 15]) {
      const c = await cert({ readyAt: hall('2026-10-30T09:00:00'), template: 'auction-licence', procedureId: 'AF-01', name: '拍卖经营批准证书' });
      await seedHandover(f.db, { certificateId: c.id, at: hall('2026-11-03T11:00:00'), counter: '5', clerk: 'S-102', immediateSeconds: minutes * 60 });
    }
    const walkIn = await cert({ readyAt: hall('2026-10-30T09:00:00') });
    await seedHandover(f.db, { certificateId: walkIn.id, at: hall('2026-11-04T15:00:00'), counter: '6', clerk: 'wang.fang', immediateSeconds: null });
    // One minute before the month began in the hall (still 31 October there): not this month's.
    const october = await cert({ readyAt: hall('2026-10-30T09:00:00') });
    await seedHandover(f.db, { certificateId: october.id, at: hall('2026-10-31T23:59:00'), counter: '6', clerk: 'wang.fang', immediateSeconds: 99_999 });
    // …and the first minute of November is.
    const first = await cert({ readyAt: hall('2026-10-30T09:00:00') });
    await seedHandover(f.db, { certificateId: first.id, at: hall('2026-11-01T00:00:00'), counter: '7', clerk: 'li.na', immediateSeconds: 30 });

    // A second hand-over of a certificate counter 6 already handed over, refused at counter 7.
    await f.db.insertInto('certificate_handover_conflicts').values({ id: ulid(), certificate_id: first.id, terminal_id: 'T-counter-7', counter: '8', at: hall('2026-11-05T09:30:00') }).execute();

    // Reprints: two this month, one in October.
    const reprint = (certificateId: string, reason: string, at: Date, clerk: string | null) =>
      f.db.insertInto('certificate_reprints').values({ id: ulid(), certificate_id: certificateId, reason, counter: '6', clerk, terminal_id: 'T-counter-6', at }).execute();
    await reprint(midnight.id, '打印机卡纸，证书污损', hall('2026-11-05T10:00:00'), 'wang.fang');
    await reprint(citizen.id, '持证人遗失原件', hall('2026-11-06T14:30:00'), null);
    await reprint(midnight.id, '十月的补打', hall('2026-10-20T10:00:00'), 'wang.fang');

    // Mail: posted this month and delivered; posted this month still on its way; posted in October, delivered in November.
    const mail = async (posted: Date, delivered: Date | null) => {
      const c = await cert({ readyAt: hall('2026-10-01T09:00:00'), state: 'mailed' });
      await f.db
        .insertInto('certificate_mail')
        .values({ certificate_id: c.id, waybill: `1${String(++serial).padStart(12, '0')}`, address: JSON.stringify({}), state: delivered ? 'delivered' : 'posted', posted_at: posted, delivered_at: delivered, signer: delivered ? '李*' : null, counter: '6', clerk: 'wang.fang', at: posted })
        .execute();
    };
    await mail(hall('2026-11-03T10:00:00'), hall('2026-11-05T16:00:00'));
    await mail(hall('2026-11-09T10:00:00'), null);
    await mail(hall('2026-10-29T10:00:00'), hall('2026-11-02T09:00:00'));
  });
  afterAll(() => f?.close());

  it('counts ready certificates and lists those waiting more than CERT_WAITING_DAYS hall days, at the day boundary', async () => {
    // 23:59 on 11 November in the hall: the one ready at 23:59 on the 1st has waited 10 days, still in time.
    f.clock.now = hall('2026-11-11T23:59:30').getTime();
    let o = await overview();
    expect(o.today).toBe('2026-11-11');
    expect(o.waitingDays).toBe(10);
    expect(o.ready).toBe(4);
    expect(o.waiting.map((w: { id: string }) => w.id)).toEqual([citizen.id]);
    // A minute later it is the 12th: it has waited 11 hall days; the one ready at midnight on the 2nd, 10.
    f.clock.now = hall('2026-11-12T00:00:30').getTime();
    o = await overview();
    expect(o.today).toBe('2026-11-12');
    expect(o.waiting.map((w: { id: string; days: number }) => [w.id, w.days])).toEqual([
      [citizen.id, 23],
      [lateEvening.id, 11],
    ]);
    expect(o.waiting[1]).toMatchObject({ number: '黑劳合字〔2026〕第0001号', name: '对外劳务合作经营资格证书', holderName: '哈尔滨北方劳务合作有限公司', readySince: '2026-11-01T15:59:00.000Z', procedureId: 'OI-03' });
    // The citizen holder is named masked, and no holder code or ID number is in the answer.
    expect(o.waiting[0].holderName).toBe('张*三');
    const text = JSON.stringify(o);
    expect(text).not.toContain('张小三');
    expect(text).not.toContain('230102199001011234');
    expect(text).not.toContain('91230100MA1BXKPC5G');
  });

  it('takes the threshold from configuration', async () => {
    f.clock.now = hall('2026-11-12T00:00:30').getTime();
    const was = f.config.certificateWaitingDays;
    f.config.certificateWaitingDays = 2;
    try {
      const o = await overview();
      expect(o.waitingDays).toBe(2);
      // The one ready on the 10th has waited 2 hall days: still in time; the other three have not.
      expect(o.waiting).toHaveLength(3);
      expect(o.waiting.map((w: { days: number }) => w.days)).toEqual([23, 11, 10]);
    } finally {
      f.config.certificateWaitingDays = was;
    }
  });

  it('counts hand-overs and mail in the period of hall dates', async () => {
    const o = await overview();
    expect(o.handedOver).toBe(20 + 2 + 1 + 1);
    expect(o.mailed).toEqual({ posted: 2, delivered: 2 });
    const october = await overview('from=2026-10-01&to=2026-10-31');
    expect(october.handedOver).toBe(1);
    expect(october.mailed).toEqual({ posted: 1, delivered: 0 });
  });

  it('gives p50 and p95 of 马上办 time by counter, clerk and type, on known data', async () => {
    const byCounter = await times('counter');
    const row = (body: { rows: { key: string }[] }, k: string) => body.rows.find((r) => r.key === k);
    expect(byCounter.rows.map((r: { key: string }) => r.key)).toEqual(['5', '6', '7']);
    expect(row(byCounter, '6')).toMatchObject({ count: 20, p50: 600, p95: 1140 });
    expect(row(byCounter, '5')).toMatchObject({ count: 2, p50: 300, p95: 900 });
    expect(row(byCounter, '7')).toMatchObject({ count: 1, p50: 30, p95: 30 });
    // All 23 timed (30 s, 1…20 min, 5 and 15 min): the 12th smallest is 10 minutes; the 22nd, 19 minutes.
    // October's 99 999 s is not in it.
    expect(byCounter.total).toMatchObject({ count: 23, p50: 600, p95: 1140 });
    expect(byCounter.untimed).toBe(1);

    const byClerk = await times('clerk');
    expect(byClerk.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([
      ['S-102', '李娜'],
      ['li.na', '李娜'],
      ['wang.fang', '王芳'],
    ]);
    const byType = await times('type');
    expect(byType.rows).toEqual([
      { key: 'auction-licence', label: '拍卖经营批准证书', procedureId: 'AF-01', count: 2, p50: 300, p95: 900 },
      // 30 s and 1…20 min: the 11th is 10 minutes, the 20th 19 minutes.
      { key: 'labour-cooperation', label: '对外劳务合作经营资格证书', procedureId: 'OI-03', count: 21, p50: 600, p95: 1140 },
    ]);
  });

  it('lists every reprint of the period with its reason, counter, clerk and time, newest first', async () => {
    const o = await overview();
    expect(o.reprints.map((r: { reason: string; counter: string; clerkName: string | null; at: string }) => [r.reason, r.counter, r.clerkName, r.at])).toEqual([
      ['持证人遗失原件', '6', null, '2026-11-06T06:30:00.000Z'],
      ['打印机卡纸，证书污损', '6', '王芳', '2026-11-05T02:00:00.000Z'],
    ]);
    expect(o.reprints[0].holderName).toBe('张*三');
  });

  it('lists a certificate handed over twice with the hand-over kept and the one refused', async () => {
    const o = await overview();
    expect(o.conflicts).toHaveLength(1);
    expect(o.conflicts[0]).toMatchObject({
      first: { at: '2026-10-31T16:00:00.000Z', counter: '7', clerk: 'li.na', clerkName: '李娜' },
      second: { at: '2026-11-05T01:30:00.000Z', counter: '8', terminal: 'T-counter-7' },
    });
  });

  it('is for office, inspection and supervisors only, and refuses an impossible period in the reader’s language', async () => {
    expect((await f.staff('dept', 'GET', `/api/supervision/certificates?${MONTH}`)).status).toBe(403);
    expect((await f.staff('clerk', 'GET', `/api/supervision/certificates/immediate?${MONTH}`)).status).toBe(403);
    expect((await f.staff(null, 'GET', `/api/supervision/certificates?${MONTH}`)).status).toBe(401);
    expect((await f.staff('supervisor', 'GET', `/api/supervision/certificates?${MONTH}`)).status).toBe(200);
    const token = await f.token('office');
    for (const [url, lang, message] of [
      ['/api/supervision/certificates?from=2026-11-30&to=2026-11-01', 'en', 'The request is not valid.'],
      ['/api/supervision/certificates/immediate?from=2025-01-01&to=2026-11-30', 'ru', 'Запрос составлен неверно.'],
      ['/api/supervision/certificates/immediate?from=2026-11-01&to=2026-11-30&by=holder', 'zh-CN', '请求内容不正确。'],
    ] as const) {
      const res = await f.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message });
    }
  });
});

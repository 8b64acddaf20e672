import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_EVENT } from '../../core/contract/index.js';
import type { TestTerminal } from '../queue/test-support.js';
import { deviceOf, feedbackFixture, PASSWORD, PEOPLE, ratingChain, ratingOf, type FeedbackFixture } from '../supervision/test-support.js';
import { backends } from '../test-db.js';

// 15:59 and 16:01 UTC on 30 April are 23:59 on 30 April and 00:01 on 1 May in Harbin.
const BEFORE_MIDNIGHT = '2026-04-30T15:59:00.000Z';
const AFTER_MIDNIGHT = '2026-04-30T16:01:00.000Z';

describe.each(backends)('the hall’s day on the server on $name', (backend) => {
  let f: FeedbackFixture;
  let counter: TestTerminal;
  let chain: ReturnType<typeof ratingChain>;
  let kiosk: TestTerminal;

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    counter = await f.terminal('main', ['counter', 'rating']);
    kiosk = await f.terminal('main', ['kiosk']);
    chain = ratingChain(deviceOf(counter));
  });
  afterAll(() => f?.close());

  it('counts a rating at 23:59 on its hall day and one at 00:01 on the next, though UTC calls both 30 April', async () => {
    // Each rates a service the server served, both finished before 23:59.
    f.clock.now = Date.parse(BEFORE_MIDNIGHT) - 3 * 60_000;
    const late = chain({ ...ratingOf(await f.serve(kiosk, counter)), level: 5, recordedAt: BEFORE_MIDNIGHT });
    const early = chain({ ...ratingOf(await f.serve(kiosk, counter)), level: 1, reasons: ['attitude'], recordedAt: AFTER_MIDNIGHT });
    f.clock.now = Date.parse('2026-05-01T01:00:00Z');
    await f.upload(counter, [late, early].map((payload) => ({ type: RATING_EVENT, payload })));
    const byDay = await f.staff('office', 'GET', '/api/supervision/satisfaction?from=2026-04-29&to=2026-05-02&by=day');
    expect(byDay.body.rows.map((r: { key: string; services: number }) => [r.key, r.services])).toEqual([
      ['2026-04-30', 1],
      ['2026-05-01', 1],
    ]);
    const cases = await f.staff('office', 'GET', '/api/supervision/cases');
    expect(cases.body.cases).toEqual([expect.objectContaining({ ratingId: early.id, filedOn: '2026-05-01' })]);
  });

  it('tells the supervision pages which zone the hall keeps', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/staff/login', payload: { login: PEOPLE.office.login, password: PASSWORD } });
    expect(res.json()).toMatchObject({ timeZone: 'Asia/Shanghai', staff: { login: PEOPLE.office.login } });
  });
});

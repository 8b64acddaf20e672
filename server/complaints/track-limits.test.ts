import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { feedbackFixture, opinion, type FeedbackFixture } from '../supervision/test-support.js';
import type { TestTerminal } from '../queue/test-support.js';
import { backends } from '../test-db.js';

/** Issue 11 §3: kiosks (or a device with a kiosk's key) guessing tracking codes on the central server. */
describe.each(backends)('tracking look-ups on $name', (backend) => {
  let f: FeedbackFixture;
  let k1: TestTerminal;
  let k2: TestTerminal;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
    [k1, k2] = [await f.terminal('main', ['kiosk']), await f.terminal('main', ['kiosk'])];
  });
  afterAll(() => f?.close());

  const track = (k: TestTerminal, code: string, last4: string) => k.call('GET', `/api/opinions/track?code=${encodeURIComponent(code)}&last4=${last4}`);
  const filed = async () => {
    const o = opinion({ phone: '13987654321' });
    await f.upload(k1, [{ type: OPINION_EVENT, payload: o }]);
    return o.trackingCode;
  };

  it('answers a known code with wrong digits and an unknown code with the same 404', async () => {
    const code = await filed();
    const wrong = await track(k1, code, '0000');
    const unknown = await track(k1, 'ABCDE-FGHJK-MNPQR', '4321');
    expect([wrong.status, wrong.body]).toEqual([unknown.status, unknown.body]);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect((await track(k1, code.toLowerCase().replaceAll('-', ''), '4321')).status).toBe(200);
  });

  it('locks a code after wrong digits from several kiosks, even for the right digits, for a day', async () => {
    f.clock.now += 2 * 3_600_000;
    const code = await filed();
    for (const k of [k1, k2, k1, k2, k1]) expect((await track(k, code, '1111')).status).toBe(404);
    f.clock.now += 60_000;
    const locked = await track(k2, code, '4321');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    f.clock.now += 24 * 3_600_000;
    expect((await track(k2, code, '4321')).status).toBe(200);
  });

  it('makes one kiosk wait after a run of misses; another kiosk is not held up', async () => {
    f.clock.now += 2 * 3_600_000;
    const code = await filed();
    for (let i = 0; i < 5; i++) expect((await track(k1, `ABCDE-FGHJK-MNPQ${'RSTUV'[i]}`, '4321')).status).toBe(404);
    expect((await track(k1, code, '4321')).status).toBe(429);
    expect((await track(k2, code, '4321')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type RunningService } from '../test-service.js';

// The terminal's clock is the test's. 15:59 and 16:01 UTC are 23:59 and 00:01 in Harbin: the hall's
// day turns while the machine's (UTC here) does not.
const clock = { now: Date.parse('2026-12-01T15:59:00Z') };
let svc: RunningService;
const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
  const res = await svc.app.inject({ method, url, headers: { host: '127.0.0.1', ...(body ? { 'content-type': 'application/json' } : {}) }, payload: body ? JSON.stringify(body) : undefined });
  return res.json();
};

beforeAll(async () => {
  svc = await startTestService({ TIME_ZONE: 'Asia/Shanghai' }, { now: () => new Date(clock.now) });
});
afterAll(() => svc?.stop());

describe('the hall’s day on a terminal', () => {
  it('numbers offline tickets per hall day: 23:59 is still today, 00:01 starts again at 001', async () => {
    expect((await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).ticket.number).toBe('K-A001');
    expect((await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).ticket.number).toBe('K-A002');
    expect((await call('GET', '/api/queue/lines?lang=zh-CN')).lines.find((l: { code: string }) => l.code === 'A').waiting).toBe(2);

    clock.now = Date.parse('2026-12-01T16:01:00Z');
    expect((await call('GET', '/api/queue/lines?lang=zh-CN')).lines.find((l: { code: string }) => l.code === 'A').waiting).toBe(0);
    expect((await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).ticket.number).toBe('K-A001');
    expect((await call('GET', '/api/board')).waiting.find((w: { service: string }) => w.service === 'A').count).toBe(1);
  });

  it('tells its screens the hall’s zone', async () => {
    expect(await call('GET', '/api/kiosk/config')).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(await call('GET', '/api/board')).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(await call('GET', '/api/status')).toMatchObject({ timeZone: 'Asia/Shanghai' });
  });
});

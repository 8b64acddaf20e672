import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import type * as sessions from '../../core/queue/sessions.js';
import { verifyStaffPassword } from '../../core/queue/sessions.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../test-staff.js';

// Sign-in at the counters of a terminal that cannot reach the central server: one login at one
// counter, a counter held by another clerk only once they signed out (a supervisor's word needs the
// server), clerks only, every change in the outbox, sessions that end with the day or when idle.

vi.mock('../../core/queue/sessions.js', async (importOriginal) => {
  const m = await importOriginal<typeof sessions>();
  return { ...m, verifyStaffPassword: vi.fn(m.verifyStaffPassword) };
});

const clock = { now: Date.parse('2026-03-02T01:30:00Z') };
let svc: RunningService;
let call: ReturnType<typeof injector>;
const login = (who: string, counterNo: number, supervisor: { login: string; password: string } | null = null, password = TEST_PASSWORD) =>
  call('POST', '/api/counter/login', { login: who, password, counterNo, supervisor });
const presenceEvents = () => pendingEvents(svc.db).filter((e) => e.type === 'queue.presence').map((e) => e.payload as { staff: string; counterNo: number; state: string; overriddenBy: string | null });

beforeAll(async () => {
  svc = await startTestService({ COUNTER_IDLE_MINUTES: '30' }, { now: () => new Date(clock.now) });
  call = injector(svc.app, 'en');
  putTestStaff(svc.db, [
    ['wang.fang', '王芳', '0101'],
    ['li.na', '李娜', '0102'],
    ['zhao.min', '赵敏', '0900', 'supervisor'],
  ]);
});
afterAll(() => svc?.stop());

describe('signing in at the counters of an offline terminal', () => {
  it('records every presence change in the outbox, so it reaches the server on reconnect', async () => {
    const token = (await login('wang.fang', 1)).json.token as string;
    await call('POST', '/api/counter/presence', { state: 'away' }, token);
    await call('POST', '/api/counter/presence', { state: 'in' }, token);
    expect(presenceEvents().map((e) => `${e.staff}@${e.counterNo} ${e.state}`)).toEqual(['wang.fang@1 in', 'wang.fang@1 away', 'wang.fang@1 in']);
    expect((await call('GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === 1).staffNumber).toBe('0101');
  });

  it('refuses a login already signed in at another counter, in words', async () => {
    const res = await login('wang.fang', 2);
    expect(res).toEqual({ status: 409, json: { error: { code: 'SIGNED_IN_ELSEWHERE', message: ERROR_MESSAGES.en.SIGNED_IN_ELSEWHERE } } });
  });

  it('refuses a counter another clerk holds; offline, a supervisor cannot hand it over, and says why', async () => {
    expect((await login('li.na', 1)).json.error).toEqual({ code: 'COUNTER_IN_USE', message: ERROR_MESSAGES.en.COUNTER_IN_USE });
    const over = await login('li.na', 1, { login: 'zhao.min', password: TEST_PASSWORD });
    expect(over).toEqual({ status: 503, json: { error: { code: 'OVERRIDE_NEEDS_SERVER', message: ERROR_MESSAGES.en.OVERRIDE_NEEDS_SERVER } } });
    expect(presenceEvents()).toHaveLength(3);
  });

  it('refuses a supervisor account at the counter, even one this terminal still holds from before', async () => {
    const res = await login('zhao.min', 3);
    expect(res).toEqual({ status: 403, json: { error: { code: 'NOT_A_COUNTER_CLERK', message: ERROR_MESSAGES.en.NOT_A_COUNTER_CLERK } } });
    expect(presenceEvents()).toHaveLength(3);
  });

  it('checks an unknown login’s password against a full-cost hash, like a known one', async () => {
    const verify = vi.mocked(verifyStaffPassword);
    verify.mockClear();
    expect((await login('no.such.clerk', 3)).json.error.code).toBe('WRONG_CREDENTIALS');
    expect((await login('li.na', 3, null, 'not the password')).json.error.code).toBe('WRONG_CREDENTIALS');
    expect(verify).toHaveBeenCalledTimes(2);
    // The same path, and the server's own scrypt parameters (N = 2^15) for the unknown one.
    expect(verify.mock.calls[0]![1]).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('ends a session after the idle time and at the end of the hall’s day: the counter hears UNAUTHORIZED', async () => {
    const idle = (await login('li.na', 3)).json.token as string;
    clock.now += 29 * 60_000;
    expect((await call('GET', '/api/counter/queue', undefined, idle)).status).toBe(200);
    clock.now += 31 * 60_000;
    expect((await call('GET', '/api/counter/queue', undefined, idle)).json.error).toEqual({ code: 'UNAUTHORIZED', message: ERROR_MESSAGES.en.UNAUTHORIZED });
    const dayOld = (await login('li.na', 3)).json.token as string;
    clock.now = Date.parse('2026-03-02T16:00:00Z'); // midnight in the hall
    expect((await call('GET', '/api/counter/queue', undefined, dayOld)).status).toBe(401);
  });

  it('signing out ends the counter’s presence when it is the holder’s own', async () => {
    const token = (await login('wang.fang', 1)).json.token as string;
    await call('POST', '/api/counter/logout', {}, token);
    expect(presenceEvents().at(-1)).toMatchObject({ staff: 'wang.fang', counterNo: 1, state: 'out' });
    expect((await call('GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === 1).staffNumber).toBeNull();
  });
});

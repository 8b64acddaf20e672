import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../test-staff.js';

// Sign-in at the counters of a terminal that cannot reach the central server: one login at one
// counter, a counter held by another clerk only with a supervisor's word, every change in the outbox.

let svc: RunningService;
let call: ReturnType<typeof injector>;
const login = (who: string, counterNo: number, supervisor: { login: string; password: string } | null = null) =>
  call('POST', '/api/counter/login', { login: who, password: TEST_PASSWORD, counterNo, supervisor });
const presenceEvents = () => pendingEvents(svc.db).filter((e) => e.type === 'queue.presence').map((e) => e.payload as { staff: string; counterNo: number; state: string; overriddenBy: string | null });

beforeAll(async () => {
  svc = await startTestService();
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

  it('refuses a counter another clerk holds, and a clerk who is no supervisor cannot override', async () => {
    expect((await login('li.na', 1)).json.error).toEqual({ code: 'COUNTER_IN_USE', message: ERROR_MESSAGES.en.COUNTER_IN_USE });
    expect((await login('li.na', 1, { login: 'wang.fang', password: TEST_PASSWORD })).json.error.code).toBe('SUPERVISOR_REQUIRED');
    expect((await login('li.na', 1, { login: 'zhao.min', password: 'wrong password' })).json.error.code).toBe('SUPERVISOR_REQUIRED');
    expect(presenceEvents()).toHaveLength(3);
  });

  it('lets a supervisor hand the counter over: the clerk who held it is signed out here, who overrode is recorded', async () => {
    const before = (await login('wang.fang', 1)).json.token as string;
    const taken = await login('li.na', 1, { login: 'zhao.min', password: TEST_PASSWORD });
    expect(taken.status).toBe(200);
    expect((await call('GET', '/api/counter/queue', undefined, before)).status).toBe(401);
    expect(presenceEvents().at(-1)).toMatchObject({ staff: 'li.na', counterNo: 1, state: 'in', overriddenBy: 'zhao.min' });
    expect((await call('GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === 1).staffNumber).toBe('0102');
    // wang.fang, signed out of counter 1, may sign in elsewhere now.
    expect((await login('wang.fang', 2)).status).toBe(200);
  });

  it('signing out ends the counter’s presence when it is the holder’s own', async () => {
    const token = (await login('li.na', 1)).json.token as string;
    await call('POST', '/api/counter/logout', {}, token);
    expect(presenceEvents().at(-1)).toMatchObject({ staff: 'li.na', counterNo: 1, state: 'out' });
    expect((await call('GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === 1).staffNumber).toBeNull();
  });
});

import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putStaff } from '../../core/queue/reference.js';
import { startTestService, type RunningService } from '../test-service.js';

// Sign-in at the counters of a terminal that cannot reach the central server: one login at one
// counter, a counter held by another clerk only with a supervisor's word, every change in the outbox.

const PASSWORD = 'correct horse battery';
function scryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

let svc: RunningService;
const call = async (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => {
  const res = await svc.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, json: res.json() };
};
const login = (who: string, counterNo: number, supervisor: { login: string; password: string } | null = null) =>
  call('POST', '/api/counter/login', { login: who, password: PASSWORD, counterNo, supervisor });
const presenceEvents = () => pendingEvents(svc.db).filter((e) => e.type === 'queue.presence').map((e) => e.payload as { staff: string; counterNo: number; state: string; overriddenBy: string | null });

beforeAll(async () => {
  svc = await startTestService();
  const hash = scryptHash(PASSWORD);
  for (const [login, name, number, role] of [
    ['wang.fang', '王芳', '0101', 'clerk'],
    ['li.na', '李娜', '0102', 'clerk'],
    ['zhao.min', '赵敏', '0900', 'supervisor'],
  ] as const) {
    putStaff(svc.db, { login, name, number, role, passwordHash: hash, disabled: false });
  }
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
    expect((await login('li.na', 1, { login: 'wang.fang', password: PASSWORD })).json.error.code).toBe('SUPERVISOR_REQUIRED');
    expect((await login('li.na', 1, { login: 'zhao.min', password: 'wrong password' })).json.error.code).toBe('SUPERVISOR_REQUIRED');
    expect(presenceEvents()).toHaveLength(3);
  });

  it('lets a supervisor hand the counter over: the clerk who held it is signed out here, who overrode is recorded', async () => {
    const before = (await login('wang.fang', 1)).json.token as string;
    const taken = await login('li.na', 1, { login: 'zhao.min', password: PASSWORD });
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

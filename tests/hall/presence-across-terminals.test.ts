import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { createStaff } from '../../server/staff/repository.js';
import { CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';
import { startStallProxy, type StallProxy } from '../sync/stall-proxy.js';

// Two counter PCs and the central server, all real. PC "east" (enrolled as kiosk and counter) reaches
// the server through a proxy whose line can be cut; PC "west" talks to it directly. wang.fang is the
// A clerk of line A, li.na its B clerk: li.na serves A only while wang.fang is not in.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let proxy: StallProxy;
beforeAll(async () => {
  office = await startHallOffice({ kioskRoles: ['kiosk', 'counter'], kioskVia: async (url) => (proxy = await startStallProxy(url)).url });
  await createStaff(office.server.db, { login: 'zhao.min', name: '赵敏', number: '0900', role: 'supervisor' }, CLERK_PASSWORD, Date.now());
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await office?.close();
});

async function api(base: string, method: 'GET' | 'POST', path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { 'accept-language': 'en', ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}
const east = () => office.kiosk.url;
const west = () => office.counter.url;
const login = (pc: string, who: string, counterNo: number, supervisor: { login: string; password: string } | null = null) =>
  api(pc, 'POST', '/api/counter/login', { login: who, password: CLERK_PASSWORD, counterNo, supervisor });
const lineA = async (token: string) => (await api(west(), 'GET', '/api/counter/queue', undefined, token)).json.lines.find((l: { code: string }) => l.code === 'A');
const counterOnBoard = async (pc: string, counterNo: number) => (await api(pc, 'GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === counterNo).staffNumber;

describe('who is at which counter, across counter PCs and the server', () => {
  let wang = '';
  let li = '';

  it('hands line A back to its A clerk when a "back in" set offline reaches the server', async () => {
    // Staff accounts come down from the server first.
    await expect.poll(async () => (await login(east(), 'wang.fang', 1)).status, { timeout: 20_000 }).toBe(200);
    wang = (await login(east(), 'wang.fang', 1)).json.token;
    await expect.poll(async () => (await login(west(), 'li.na', 4)).status, { timeout: 20_000 }).toBe(200);
    li = (await login(west(), 'li.na', 4)).json.token;
    expect(await lineA(li)).toMatchObject({ role: 'B', active: false });

    await api(east(), 'POST', '/api/counter/presence', { state: 'away' }, wang);
    await expect.poll(async () => (await lineA(li)).active, { timeout: 10_000 }).toBe(true);

    proxy.cut();
    const back = await api(east(), 'POST', '/api/counter/presence', { state: 'in' }, wang);
    expect(back.json).toMatchObject({ presence: 'in', online: false });
    expect((await lineA(li)).active).toBe(true);

    proxy.resume();
    await expect.poll(async () => (await lineA(li)).active, { timeout: 60_000 }).toBe(false);
    const row = await office.server.db.selectFrom('counter_presence').selectAll().where('counter_no', '=', 1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ staff: 'wang.fang', state: 'in' });
  });

  it('refuses, in words, a login signed in at another PC’s counter, and a counter another clerk holds', async () => {
    const twice = await login(west(), 'wang.fang', 2);
    expect([twice.status, twice.json.error]).toEqual([409, { code: 'SIGNED_IN_ELSEWHERE', message: ERROR_MESSAGES.en.SIGNED_IN_ELSEWHERE }]);
    // li.na, signed in at counter 4, is refused at counter 1 too; once signed out there, for the counter's sake.
    expect((await login(west(), 'li.na', 1)).json.error.code).toBe('SIGNED_IN_ELSEWHERE');
    await api(west(), 'POST', '/api/counter/logout', {}, li);
    const taken = await login(west(), 'li.na', 1);
    expect([taken.status, taken.json.error]).toEqual([409, { code: 'COUNTER_IN_USE', message: ERROR_MESSAGES.en.COUNTER_IN_USE }]);
    expect(await counterOnBoard(west(), 1)).toBe('0101');
  });

  it('lets a supervisor hand the counter over; the displaced clerk signing out does not empty it', async () => {
    await expect.poll(async () => (await login(west(), 'li.na', 1, { login: 'zhao.min', password: CLERK_PASSWORD })).status, { timeout: 20_000 }).toBe(200);
    const row = await office.server.db.selectFrom('counter_presence').selectAll().where('counter_no', '=', 1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ staff: 'li.na', state: 'in', overridden_by: 'zhao.min' });
    await expect.poll(() => counterOnBoard(east(), 1), { timeout: 10_000 }).toBe('0102');

    // wang.fang's sign-in on the east PC is still open there; he signs out.
    expect((await api(east(), 'POST', '/api/counter/logout', {}, wang)).status).toBe(200);
    expect(await counterOnBoard(east(), 1)).toBe('0102');
    expect(await counterOnBoard(west(), 1)).toBe('0102');
    const after = await office.server.db.selectFrom('counter_presence').selectAll().where('counter_no', '=', 1).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ staff: 'li.na', state: 'in' });
  });
});

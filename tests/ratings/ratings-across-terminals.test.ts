import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_EVENT } from '../../core/contract/index.js';
import { pendingCount } from '../../core/outbox/outbox.js';
import { ratingsOf, verifyChain } from '../../core/ratings/chain.js';
import { CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';

// A real central server, a kiosk terminal and a counter terminal: a service finished at the counter
// is rated on the counter's rating screen, another at the kiosk by its ticket number; each
// terminal's chain holds its own ratings and every rating reaches the server.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let token = '';
beforeAll(async () => {
  // The second service's prompt stays open on the counter for the whole test: no "not rated" row there.
  office = await startHallOffice({ counterEnv: { RATING_SECONDS: '3600' } });
}, 120_000);
afterAll(() => office?.close());

async function api(base: string, method: 'GET' | 'POST', path: string, body?: unknown, auth?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}
const serve = async () => {
  const issued = await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A' });
  const number = issued.json.ticket.number as string;
  const code = issued.json.ratingCode as string;
  await expect.poll(async () => (await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call', number }, token)).status, { timeout: 10_000 }).toBe(200);
  expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish' }, token)).json.ticket.state).toBe('done');
  return { number, code };
};

describe('ratings across a kiosk, a counter and the central server', () => {
  it('rates a finished service on the counter’s rating screen', async () => {
    await expect
      .poll(async () => (await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 })).status, { timeout: 20_000 })
      .toBe(200);
    token = (await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 })).json.token;
    const { number } = await serve();
    const { prompt } = (await api(office.counter.url, 'GET', '/api/rating/prompt')).json;
    expect(prompt).toMatchObject({ ticketNumber: number, counterNo: 1, clerkName: '王芳', clerkNumber: '0101', matter: { 'zh-CN': '对外贸易', en: 'Foreign trade' } });
    expect((await api(office.counter.url, 'POST', '/api/rating', { serviceId: prompt.serviceId, rating: { level: 5 } })).json).toEqual({ recorded: true });
  });

  it('rates another at the kiosk by its ticket number and rating code, once, with the clerk named from the staff list', async () => {
    const { number, code } = await serve();
    await expect.poll(async () => (await api(office.kiosk.url, 'GET', `/api/rating/ticket?number=${number}&code=${code}`)).status, { timeout: 10_000 }).toBe(200);
    const found = (await api(office.kiosk.url, 'GET', `/api/rating/ticket?number=${number}&code=${code}`)).json;
    expect(found).toMatchObject({ ticketNumber: number, counterNo: 1, clerkName: '王芳', clerkNumber: '0101' });
    const rated = await api(office.kiosk.url, 'POST', '/api/rating/ticket', { number, code, rating: { level: 2, reasons: ['repeat-visits'], comment: '材料要求说了两次才清楚' } });
    expect(rated.json).toEqual({ recorded: true });
    expect((await api(office.kiosk.url, 'POST', '/api/rating/ticket', { number, code, rating: { level: 5 } })).status).toBe(409);
    // Once the server has it, the kiosk keeps the chain entry alone.
    await expect.poll(() => ratingsOf(office.kiosk.db), { timeout: 10_000 }).toEqual([]);
    expect(verifyChain(office.kiosk.db)).toMatchObject({ ok: true, rows: 1 });
  });

  it('keeps each terminal’s chain intact and delivers every rating to the server', async () => {
    expect(verifyChain(office.counter.db)).toMatchObject({ ok: true, rows: 1 });
    expect(verifyChain(office.kiosk.db)).toMatchObject({ ok: true, rows: 1 });
    await expect.poll(() => pendingCount(office.kiosk.db) + pendingCount(office.counter.db), { timeout: 30_000, interval: 250 }).toBe(0);
    const uploaded = await office.server.db.selectFrom('events').select(['type']).where('type', '=', RATING_EVENT).execute();
    expect(uploaded).toHaveLength(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingCount } from '../../core/outbox/outbox.js';
import { CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';

// Two terminals and the central server, all real, talking HTTP and WebSocket: a ticket issued at the
// kiosk reaches the counter terminal; with the server stopped both go on; on restart everything
// arrives once.

let office: Awaited<ReturnType<typeof startHallOffice>>;
beforeAll(async () => {
  office = await startHallOffice();
}, 120_000);
afterAll(() => office?.close());

async function api(base: string, method: 'GET' | 'POST', path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

describe('the hall queue across a kiosk, a counter and the central server', () => {
  let token = '';

  it('lets a clerk sign in once the staff accounts have come down from the server', async () => {
    await expect
      .poll(async () => (await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 })).status, { timeout: 20_000 })
      .toBe(200);
    token = (await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 })).json.token;
  });

  it('shows a kiosk ticket on the counter and the board, and calls it', async () => {
    const issued = await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A' });
    expect(issued.json.ticket).toMatchObject({ number: 'A001', offline: false });
    await expect
      .poll(async () => (await api(office.counter.url, 'GET', '/api/counter/queue', undefined, token)).json.lines.find((l: { code: string }) => l.code === 'A').waiting.map((t: { number: string }) => t.number), { timeout: 5_000 })
      .toEqual(['A001']);
    const called = await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call-next' }, token);
    expect(called.json).toMatchObject({ offline: false, ticket: { number: 'A001', state: 'called', counterNo: 1 } });
    expect((await api(office.counter.url, 'GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === 1).number).toBe('A001');
    // The server owns the order: the same ticket cannot be called again at another counter.
    const second = await api(office.counter.url, 'POST', '/api/counter/login', { login: 'li.na', password: CLERK_PASSWORD, counterNo: 2 });
    const twice = await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call', number: 'A001' }, second.json.token);
    expect(twice.status).toBe(409);
    expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish' }, token)).json.ticket.state).toBe('done');
  });

  it('transfers online, and every terminal’s board still answers with the ticket waiting in its new line', async () => {
    const issued = await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A' });
    const called = await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call-next' }, token);
    expect(called.json.ticket.number).toBe(issued.json.ticket.number);
    const moved = await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'transfer', toService: 'B' }, token);
    expect(moved.json).toMatchObject({ offline: false, ticket: { state: 'waiting', service: 'B', counterNo: null, calledAt: null } });
    for (const terminal of [office.counter, office.kiosk]) {
      await expect
        .poll(async () => {
          const board = await api(terminal.url, 'GET', '/api/board');
          return [board.status, board.json.waiting?.find((w: { service: string }) => w.service === 'B')?.count];
        }, { timeout: 5_000 })
        .toEqual([200, 1]);
    }
    const back = await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call-next' }, token);
    expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish', ticketId: back.json.ticket.id }, token)).json.ticket.state).toBe('done');
  });

  it('keeps issuing and calling with the server stopped, and delivers every event once when it is back', async () => {
    await office.stopServer();
    const offline = await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A' });
    expect(offline.json.ticket).toMatchObject({ offline: true, number: expect.stringMatching(/^T\d+-A001$/) });
    const number = offline.json.ticket.number as string;
    const called = await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call', number }, token);
    expect(called.json).toMatchObject({ offline: true, ticket: { number, state: 'called' } });
    expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish' }, token)).json).toMatchObject({ offline: true, ticket: { state: 'done' } });
    expect(pendingCount(office.kiosk.db)).toBeGreaterThan(0);

    await office.startServer();
    await expect.poll(() => pendingCount(office.kiosk.db) + pendingCount(office.counter.db), { timeout: 60_000, interval: 250 }).toBe(0);
    const events = await office.server.db.selectFrom('events').select(['event_id']).execute();
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    const tickets = await office.server.db.selectFrom('tickets').select(['number']).execute();
    expect(tickets.map((t) => t.number).sort()).toEqual(['A001', 'A002', number].sort());
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RATING_EVENT, type RatingRecord } from '../../core/contract/index.js';
import { SyncClient, SyncRequestError } from '../../core/sync/client.js';
import type { TerminalService } from '../../terminal/service.js';
import { api, CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';

// A real central server, two kiosks, a counter PC (which also drives the board) and a hall TV. The
// rating code is a secret of the visitor, the issuing kiosk and the server: a kiosk that did not issue
// a ticket checks its code through the server; no counter or TV ever holds one.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let kiosk2: TerminalService;
let tv: TerminalService;
let token = '';
/** Everything the counter's and the TV's live feeds said while the test ran. */
const heard: string[] = [];
const sockets: WebSocket[] = [];
const codes: string[] = [];

const listen = async (t: TerminalService) => {
  const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/live`);
  ws.on('message', (data) => heard.push(String(data)));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  sockets.push(ws);
};
const issue = async () => {
  const issued = (await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A', print: false })).json;
  codes.push(issued.ratingCode);
  return { number: issued.ticket.number as string, id: issued.ticket.id as string, code: issued.ratingCode as string, qr: issued.qr as string };
};
const serve = async (number: string) => {
  await expect.poll(async () => (await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call', number }, token)).status, { timeout: 15_000 }).toBe(200);
  expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish' }, token)).json.ticket.state).toBe('done');
};
const rateAt = (k: TerminalService, query: string) => api(k.url, 'GET', `/api/rating/ticket?${query}`, undefined, undefined, 'en');
/** Every byte of a terminal's SQLite files (database, WAL, shared memory), as a clerk could read them. */
const filesOf = (t: TerminalService) =>
  readdirSync(t.config.dataDir)
    .filter((f) => f.startsWith('terminal.sqlite'))
    .map((f) => readFileSync(join(t.config.dataDir, f)).toString('latin1'))
    .join('\n');

beforeAll(async () => {
  office = await startHallOffice({ counterEnv: { RATING_SECONDS: '3600' } });
  kiosk2 = await office.addTerminal('kiosk-2', ['kiosk']);
  tv = await office.addTerminal('hall-tv', ['hall']);
  await listen(office.counter);
  await listen(tv);
  // The counter signs in once the staff list has come down from the server.
  for (let i = 0; !token && i < 80; i++) {
    const res = await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 });
    if (res.status === 200) token = res.json.token;
    else await new Promise((r) => setTimeout(r, 250));
  }
  expect(token).not.toBe('');
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await office?.close();
});

describe('a kiosk that did not issue the ticket', () => {
  it('checks number and code through the server, refuses a wrong code as it refuses an unknown number, and records how the holder was proven', async () => {
    const t = await issue();
    await serve(t.number);
    const wrong = await rateAt(kiosk2, `number=${t.number}&code=${t.code[0] === 'A' ? 'C' : 'A'}${t.code.slice(1)}`);
    const unknown = await rateAt(kiosk2, `number=A999&code=${t.code}`);
    expect(wrong.status).toBe(403);
    expect(wrong).toEqual(unknown);
    expect(wrong.json.error.code).toBe('TICKET_PROOF_FAILED');

    await expect.poll(async () => (await rateAt(kiosk2, `number=${t.number}&code=${t.code}`)).status, { timeout: 10_000 }).toBe(200);
    expect((await rateAt(kiosk2, `number=${t.number}&code=${t.code}`)).json).toMatchObject({ serviceId: t.id, ticketNumber: t.number, counterNo: 1, clerkNumber: '0101' });
    expect((await api(kiosk2.url, 'POST', '/api/rating/ticket', { number: t.number, code: t.code, rating: { level: 1, reasons: ['attitude'] } })).json).toEqual({ recorded: true });
    const events = kiosk2.db.prepare('SELECT payload FROM outbox WHERE type = ?').all(RATING_EVENT) as { payload: string }[];
    expect(events.map((e) => JSON.parse(e.payload) as RatingRecord)).toMatchObject([{ serviceId: t.id, level: 1, channel: 'kiosk', holderProof: { by: 'rating-code', checkedBy: 'server' } }]);
  });

  it('reaches the rating from the slip’s QR through the server too', async () => {
    const t = await issue();
    await serve(t.number);
    await expect.poll(async () => (await rateAt(kiosk2, `qr=${encodeURIComponent(t.qr)}`)).status, { timeout: 10_000 }).toBe(200);
    expect((await api(kiosk2.url, 'POST', '/api/rating/ticket', { qr: t.qr, rating: { level: 5 } })).json).toEqual({ recorded: true });
  });

  it('checks a ticket issued while the server was down: its code went up with the ticket’s outbox event', async () => {
    await office.stopServer();
    const t = await issue();
    expect(t.number).toMatch(/-A\d{3}$/);
    await office.startServer();
    await serve(t.number);
    await expect.poll(async () => (await rateAt(kiosk2, `number=${t.number}&code=${t.code}`)).status, { timeout: 20_000 }).toBe(200);
  });
});

describe('the rating code stays between the visitor, the issuing kiosk and the server', () => {
  it('is in no counter or hall-TV database file, API answer, board or live feed', async () => {
    expect(codes.length).toBeGreaterThanOrEqual(3);
    const counterQueue = JSON.stringify((await api(office.counter.url, 'GET', '/api/counter/queue', undefined, token)).json);
    const boards = [office.counter, tv].map(async (t) => JSON.stringify((await api(t.url, 'GET', '/api/board')).json));
    const serverState = JSON.stringify(await new SyncClient(office.counter.db).request('GET', '/api/queue/state'));
    const seen = [filesOf(office.counter), filesOf(tv), counterQueue, ...(await Promise.all(boards)), serverState, heard.join('\n')];
    for (const code of codes) for (const text of seen) expect(text).not.toContain(code);
    // The issuing kiosk holds them (it checks its own tickets offline); the server stores them with the tickets.
    for (const code of codes) expect(filesOf(office.kiosk)).toContain(code);
  });

  it('the server answers the code check to kiosks only', async () => {
    for (const t of [office.counter, tv]) {
      const refused = await new SyncClient(t.db).request('POST', '/api/rating/holder', { number: 'A001', code: codes[0] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SyncRequestError);
      expect((refused as SyncRequestError).code).toBe('TERMINAL_ROLE_FORBIDDEN');
    }
  });
});

import { randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importCatalogText } from '../../core/catalog/import.js';
import { RATING_EVENT, type RatingRecord } from '../../core/contract/index.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putStaff } from '../../core/queue/reference.js';
import { buildTerminalApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createRuntime, type TerminalRuntime } from '../runtime.js';

// A kiosk that also serves at a counter, with the central server unreachable: it issued the tickets
// itself, so it checks their rating codes itself. Whoever rates by ticket must prove they hold it.

const tmp = tempDir('hall-rate-ticket-');
const file = tmp.file('terminal.sqlite');
let clock = Date.parse('2026-03-02T01:30:00.000Z');
let db: Db;
let runtime: TerminalRuntime;
let app: FastifyInstance;
let token = '';

/** The terminal service on `file`, as `npm start` starts it; again after a stop, it is a restart. */
async function start(): Promise<void> {
  // The counter's rating screen keeps its prompt open all along (no "not rated" row forestalls the kiosk), and the clerk stays signed in across the tests' jumps of the clock.
  const config = loadConfig({ DATA_DIR: tmp.dir, PORT: '0', RATING_SECONDS: '3600', COUNTER_IDLE_MINUTES: '600' });
  db = openDatabase(file);
  runtime = createRuntime(db, config, { now: () => new Date(clock), startPrinter: false });
  app = await buildTerminalApp(db, config, runtime, {});
}
async function stop(): Promise<void> {
  await runtime.stop();
  await app.close();
  db.close();
}
const call = async (method: 'GET' | 'POST', url: string, body?: unknown, auth?: string) => {
  const res = await app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', 'accept-language': 'en', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, json: res.json(), headers: res.headers };
};
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
const ratingEvents = () => pendingEvents(db).filter((e) => e.type === RATING_EVENT).map((e) => e.payload as RatingRecord);

/** A walk-in ticket from this kiosk, called and finished at counter 1: its number, id, code and QR as the visitor holds them. */
async function serveOne() {
  const issued = (await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false })).json;
  expect((await call('POST', '/api/counter/actions', { action: 'call', number: issued.ticket.number }, token)).status).toBe(200);
  expect((await call('POST', '/api/counter/actions', { action: 'finish' }, token)).json.ticket.state).toBe('done');
  return { number: issued.ticket.number as string, id: issued.ticket.id as string, code: issued.ratingCode as string, qr: issued.qr as string };
}
/** Another code than `code`, of the same alphabet. */
const wrong = (code: string) => (code[0] === 'A' ? 'C' : 'A') + code.slice(1);

beforeAll(async () => {
  await start();
  importCatalogText(db, readFileSync(loadConfig({}).catalogFile, 'utf8'));
  const salt = randomBytes(16);
  const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('correct horse battery', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
  putStaff(db, { login: 'wang.fang', name: '王芳', number: '0101', role: 'clerk', passwordHash: hash, disabled: false });
  token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 1 })).json.token;
});
// Each test starts past the ten-minute window of the last one's failed tries.
beforeEach(() => {
  clock += 21 * 60_000;
});
afterAll(async () => {
  await stop();
  tmp.cleanup();
});

describe('rating by ticket at the kiosk proves the rater holds the ticket', () => {
  it('the issued ticket carries a rating code, and its QR the number, the id and the code', async () => {
    const issued = (await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false })).json;
    expect(issued.ratingCode).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{5}$/);
    expect(issued.qr).toBe(`HALL-TICKET:${issued.ticket.number}:${issued.ticket.id}:${issued.ratingCode}`);
    // The replicated ticket row, which a counter would hold too, does not carry it.
    expect(JSON.stringify(issued.ticket)).not.toContain(issued.ratingCode);
  });

  it('refuses the number alone, and a wrong code with the very answer an unknown number gets', async () => {
    const t = await serveOne();
    const alone = await call('GET', `/api/rating/ticket?${q({ number: t.number })}`);
    const wrongCode = await call('GET', `/api/rating/ticket?${q({ number: t.number, code: wrong(t.code) })}`);
    const unknown = await call('GET', `/api/rating/ticket?${q({ number: 'A999', code: t.code })}`);
    expect(alone.status).toBe(403);
    expect(alone.json.error.code).toBe('TICKET_PROOF_FAILED');
    expect(wrongCode).toEqual({ ...unknown, headers: wrongCode.headers });
    expect(wrongCode.json).toEqual(alone.json);
    expect(wrongCode.json.error.message).toBe('The number and rating code do not match a service finished today. Please check both on your ticket slip.');
    const posted = await call('POST', '/api/rating/ticket', { number: t.number, rating: { level: 1, reasons: ['attitude'] } });
    expect(posted.json).toEqual(alone.json);
    expect(ratingEvents()).toEqual([]);

    // The holder, with number and code (typed in lower case, with a space), rates it once.
    const found = await call('GET', `/api/rating/ticket?${q({ number: t.number.toLowerCase(), code: ` ${t.code.slice(0, 2).toLowerCase()} ${t.code.slice(2)}` })}`);
    expect(found.json).toMatchObject({ serviceId: t.id, ticketNumber: t.number, counterNo: 1, clerkName: '王芳' });
    expect(found.json).not.toHaveProperty('holderProof');
    expect((await call('POST', '/api/rating/ticket', { number: t.number, code: t.code, rating: { level: 4 } })).json).toEqual({ recorded: true });
    expect(ratingEvents().at(-1)).toMatchObject({ serviceId: t.id, level: 4, channel: 'kiosk', holderProof: { by: 'rating-code', checkedBy: 'issuing-kiosk' } });
    expect((await call('POST', '/api/rating/ticket', { number: t.number, code: t.code, rating: { level: 5 } })).json.error.code).toBe('ALREADY_RATED');
  });

  it('scanning the slip’s QR reaches the rating; a QR with the id and no code, or another ticket’s code, does not', async () => {
    const other = (await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false })).json;
    const t = await serveOne();
    expect((await call('GET', `/api/rating/ticket?${q({ qr: `HALL-TICKET:${t.number}:${t.id}` })}`)).json.error.code).toBe('TICKET_PROOF_FAILED');
    expect((await call('GET', `/api/rating/ticket?${q({ qr: `HALL-TICKET:${t.number}:${t.id}:${other.ratingCode}` })}`)).json.error.code).toBe('TICKET_PROOF_FAILED');
    expect((await call('GET', `/api/rating/ticket?${q({ qr: t.qr })}`)).json).toMatchObject({ serviceId: t.id, ticketNumber: t.number });
    expect((await call('POST', '/api/rating/ticket', { qr: t.qr, rating: { level: 2, reasons: ['efficiency'] } })).json).toEqual({ recorded: true });
    expect(ratingEvents().at(-1)).toMatchObject({ serviceId: t.id, level: 2, holderProof: { by: 'slip-qr', checkedBy: 'issuing-kiosk' } });
  });

  it('tells nothing about a ticket before its holder is proven: a waiting ticket with the right code is “not finished”', async () => {
    const issued = (await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false })).json;
    expect((await call('GET', `/api/rating/ticket?${q({ number: issued.ticket.number, code: issued.ratingCode })}`)).json.error.code).toBe('NOT_FOUND');
    expect((await call('GET', `/api/rating/ticket?${q({ number: issued.ticket.number, code: wrong(issued.ratingCode) })}`)).json.error.code).toBe('TICKET_PROOF_FAILED');
  });

  it('after five failed tries the kiosk refuses every try for ten minutes, the right code too, also after a restart', async () => {
    const t = await serveOne();
    let failures = 0;
    for (;;) {
      const res = await call('GET', `/api/rating/ticket?${q({ number: t.number, code: wrong(t.code) })}`);
      if (res.status === 429) break;
      expect(res.json.error.code).toBe('TICKET_PROOF_FAILED');
      failures++;
    }
    expect(failures).toBe(5);
    const locked = await call('GET', `/api/rating/ticket?${q({ number: t.number, code: t.code })}`);
    expect(locked.status).toBe(429);
    expect(locked.json.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed attempts. Please try again in 10 min.' });
    expect(locked.headers['retry-after']).toBe('600');

    await stop();
    clock += 5 * 60_000;
    await start();
    expect((await call('GET', `/api/rating/ticket?${q({ number: t.number, code: t.code })}`)).status).toBe(429);
    expect((await call('POST', '/api/rating/ticket', { qr: t.qr, rating: { level: 5 } })).status).toBe(429);

    clock += 5 * 60_000 + 1_000;
    expect((await call('GET', `/api/rating/ticket?${q({ number: t.number, code: t.code })}`)).json).toMatchObject({ serviceId: t.id });
  });
});

import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RATING_EVENT, type RatingPrompt, type RatingRecord } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putStaff } from '../../core/queue/reference.js';
import { ratingsOf, verifyChain } from '../../core/ratings/chain.js';
import { startTestService, type RunningService } from '../test-service.js';

// A counter terminal with the central server unreachable: finishing a service opens the rating
// screen's prompt, the visitor rates once, walks away (not rated), or rates later at the kiosk.

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

let svc: RunningService;
let token: string;
const call = async (method: 'GET' | 'POST', url: string, body?: unknown, auth?: string) => {
  const res = await svc.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, json: res.json(), text: res.body };
};
const ratingEvents = () => pendingEvents(svc.db).filter((e) => e.type === RATING_EVENT).map((e) => e.payload as RatingRecord);
const prompt = async () => (await call('GET', '/api/rating/prompt')).json.prompt as RatingPrompt | null;
/** A walk-in ticket from the kiosk, called and finished at counter 1. */
const serveOne = async () => {
  const issued = await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false });
  expect((await call('POST', '/api/counter/actions', { action: 'call', number: issued.json.ticket.number }, token)).status).toBe(200);
  const done = await call('POST', '/api/counter/actions', { action: 'finish' }, token);
  expect(done.json.ticket.state).toBe('done');
  return { ...(done.json.ticket as { id: string; number: string }), code: issued.json.ratingCode as string };
};

beforeAll(async () => {
  svc = await startTestService();
  putStaff(svc.db, { login: 'wang.fang', name: '王芳', number: '0101', role: 'clerk', passwordHash: scryptHash('correct horse battery'), disabled: false });
  token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 1 })).json.token;
});
afterAll(() => svc?.stop());

describe('rating at the counter', () => {
  it('a finished service puts who served, the counter and the matter on the rating screen, and tells the screen', async () => {
    const ws = new WebSocket(svc.url.replace('http', 'ws') + '/api/live');
    const told = new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => JSON.parse(String(data)).type === 'rating' && resolve());
      ws.once('error', reject);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    expect(await prompt()).toBeNull();
    const t = await serveOne();
    await told;
    ws.close();
    expect(await prompt()).toMatchObject({ serviceId: t.id, ticketNumber: t.number, counterNo: 1, clerkName: '王芳', clerkNumber: '0101', service: 'A', matter: { 'zh-CN': '对外贸易', en: 'Foreign trade', ru: 'Внешняя торговля' } });
  });

  it('refuses a bad rating without reasons and records nothing; records it with reasons; refuses a second', async () => {
    const p = (await prompt())!;
    const refused = await call('POST', '/api/rating', { serviceId: p.serviceId, rating: { level: 1 } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('VALIDATION_FAILED');
    expect(ratingEvents()).toEqual([]);
    expect((await prompt())?.serviceId).toBe(p.serviceId);

    const ok = await call('POST', '/api/rating', { serviceId: p.serviceId, rating: { level: 1, reasons: ['attitude', 'efficiency'], comment: '窗口态度冷淡' } });
    expect(ok).toMatchObject({ status: 200, json: { recorded: true } });
    expect(await prompt()).toBeNull();
    expect(ratingEvents()).toMatchObject([{ serviceId: p.serviceId, level: 1, reasons: ['attitude', 'efficiency'], comment: '窗口态度冷淡', channel: 'counter', clerkNumber: '0101', counterNo: 1, matter: '对外贸易' }]);

    const again = await call('POST', '/api/rating', { serviceId: p.serviceId, rating: { level: 5 } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ALREADY_RATED');
    expect(ratingsOf(svc.db)).toHaveLength(1);
  });

  it('shows the clerk no rating on the counter routes', async () => {
    const view = await call('GET', '/api/counter/queue', undefined, token);
    expect(view.status).toBe(200);
    expect(view.text).not.toMatch(/attitude|窗口态度冷淡|"level"/);
  });

  it('records a service as not rated when the visitor walks away, and refuses a rating after that', async () => {
    const t = await serveOne();
    const p = (await prompt())!;
    expect(p.serviceId).toBe(t.id);
    // The runtime's timer calls this when the prompt lapses; here the test names the moment.
    expect(svc.runtime.ratings.expireDue(new Date(p.expiresAt))).toBe(1);
    expect(await prompt()).toBeNull();
    expect(ratingsOf(svc.db).at(-1)).toMatchObject({ serviceId: t.id, level: null, reasons: [], channel: 'counter' });
    const late = await call('POST', '/api/rating', { serviceId: t.id, rating: { level: 5 } });
    expect(late.json.error.code).toBe('ALREADY_RATED');
  });

  it('refuses a rating for a service nobody asked about', async () => {
    const res = await call('POST', '/api/rating', { serviceId: '01JQ0000000000000000000009', rating: { level: 5 } });
    expect(res.status).toBe(404);
  });
});

describe('rating at the kiosk by ticket number and rating code (terminal/ratings/rate-by-ticket.test.ts has the refusals)', () => {
  it('finds today’s finished service with the clerk’s name, records the rating once, and answers the counter’s prompt', async () => {
    const t = await serveOne();
    const found = await call('GET', `/api/rating/ticket?number=${t.number.toLowerCase()}&code=${t.code}`);
    expect(found.json).toMatchObject({ serviceId: t.id, ticketNumber: t.number, counterNo: 1, clerkName: '王芳', clerkNumber: '0101', matter: { 'zh-CN': '对外贸易', en: 'Foreign trade' } });
    const rated = await call('POST', '/api/rating/ticket', { number: t.number, code: t.code, rating: { level: 4 } });
    expect(rated).toMatchObject({ status: 200, json: { recorded: true } });
    expect(ratingsOf(svc.db).at(-1)).toMatchObject({ serviceId: t.id, level: 4, channel: 'kiosk', matter: '对外贸易' });
    expect(await prompt()).toBeNull();
    expect((await call('GET', `/api/rating/ticket?number=${t.number}&code=${t.code}`)).json.error.code).toBe('ALREADY_RATED');
    expect((await call('POST', '/api/rating/ticket', { number: t.number, code: t.code, rating: { level: 5 } })).status).toBe(409);
  });

  it('does not offer a ticket still waiting', async () => {
    const waiting = await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false });
    expect((await call('GET', `/api/rating/ticket?number=${waiting.json.ticket.number}&code=${waiting.json.ratingCode}`)).status).toBe(404);
    expect((await call('POST', '/api/rating/ticket', { number: waiting.json.ticket.number, code: waiting.json.ratingCode, rating: { level: 2, reasons: ['rules'] } })).status).toBe(404);
  });

  it('leaves a chain that verifies, one outbox event per rating', () => {
    expect(verifyChain(svc.db)).toMatchObject({ ok: true, rows: 3 });
    expect(ratingEvents().map((e) => e.chainSeq)).toEqual([1, 2, 3]);
  });
});

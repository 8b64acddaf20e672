import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_EVENT } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putClerk, TEST_PASSWORD } from '../test-clerks.js';
import { serviceCaller, startTestService, type RunningService } from '../test-service.js';

// A service under way at the hall's midnight, on a terminal with the central server unreachable and
// its clock pinned: 23:50 and 00:05 in Asia/Shanghai (15:50 and 16:05 UTC).

const clock = { now: Date.parse('2026-12-01T15:50:00Z') };
let svc: RunningService;
let token = '';
const request = serviceCaller(() => svc);
const call = (method: 'GET' | 'POST', url: string, body?: unknown) => request(method, url, body, token || undefined);
const act = (action: string) => call('POST', '/api/counter/actions', { action });
const queue = async () => (await call('GET', '/api/counter/queue')).json;

beforeAll(async () => {
  svc = await startTestService({ TIME_ZONE: 'Asia/Shanghai' }, { now: () => new Date(clock.now) });
  putClerk(svc.db, 'wang.fang', '王芳', '0101');
  token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: TEST_PASSWORD, counterNo: 1 })).json.token;
});
afterAll(() => svc?.stop());

describe('a service under way at the hall’s midnight', () => {
  it('keeps the visitor being served and the one parked on the counter and the board after 00:00', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false });
    expect((await act('call-next')).json.ticket.number).toBe('K-A001');
    expect((await act('park')).json.ticket.state).toBe('parked');
    expect((await act('call-next')).json.ticket.number).toBe('K-A002');

    clock.now = Date.parse('2026-12-01T16:05:00Z');
    // The sign-in ended with the hall's day; the clerk signs in again and finds the visitor still at the counter.
    expect((await queue()).error.code).toBe('UNAUTHORIZED');
    token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: TEST_PASSWORD, counterNo: 1 })).json.token;
    const after = await queue();
    expect(after.current).toMatchObject({ number: 'K-A002', state: 'called', counterNo: 1 });
    expect(after.parked.map((t: { number: string }) => t.number)).toEqual(['K-A001']);
    // The new day's line starts empty: yesterday's K-A003 waits for the close-out, not for "next".
    expect(after.lines.find((l: { code: string }) => l.code === 'A').waiting).toEqual([]);
    const board = (await call('GET', '/api/board')).json;
    expect(board.counters.find((c: { counterNo: number }) => c.counterNo === 1).number).toBe('K-A002');
  });

  it('recalls and finishes it at 00:05, and its rating screen asks the visitor, who rates it', async () => {
    expect((await act('recall')).json.ticket).toMatchObject({ number: 'K-A002', callCount: 2 });
    const done = await act('finish');
    expect(done.status).toBe(200);
    expect(done.json.ticket).toMatchObject({ number: 'K-A002', state: 'done', finishedAt: '2026-12-01T16:05:00.000Z' });
    expect((await queue()).current).toBeNull();

    const prompt = (await call('GET', '/api/rating/prompt')).json.prompt;
    expect(prompt).toMatchObject({ ticketNumber: 'K-A002', counterNo: 1, clerkName: '王芳', clerkNumber: '0101' });
    expect((await call('POST', '/api/rating', { serviceId: prompt.serviceId, rating: { level: 5 } })).status).toBe(200);
    expect((await call('GET', '/api/rating/prompt')).json.prompt).toBeNull();
    const rated = pendingEvents(svc.db).filter((e) => e.type === RATING_EVENT).map((e) => e.payload as { ticketNumber: string; level: number });
    expect(rated).toMatchObject([{ ticketNumber: 'K-A002', level: 5 }]);
  });

  it('calls the one parked before midnight back and serves it', async () => {
    const parked = (await queue()).parked[0];
    const back = await call('POST', '/api/counter/actions', { action: 'call', ticketId: parked.id });
    expect(back.json.ticket).toMatchObject({ number: 'K-A001', state: 'called' });
    expect((await act('finish')).json.ticket).toMatchObject({ number: 'K-A001', state: 'done' });
    expect((await queue()).parked).toEqual([]);
  });

  it('says "not served today" in the visitor’s words for a ticket the server’s close-out closed, asked to rate it', async () => {
    const answer = (await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false })).json;
    const issued = answer.ticket;
    // What the central server pushes to the hall when its close-out ends the day.
    svc.runtime.queue.onHallEvent({ kind: 'ticket', ticket: { ...issued, state: 'not-served' } });
    const words = { 'zh-CN': '今日未办理', en: 'Not served today', ru: 'Не обслужен сегодня' };
    for (const [lang, text] of Object.entries(words)) {
      // The visitor holds the slip: its number and rating code.
      const res = await call('GET', `/api/rating/ticket?number=${issued.number}&code=${answer.ratingCode}&lang=${lang}`);
      expect(res.status).toBe(409);
      expect(res.json.error).toMatchObject({ code: 'NOT_SERVED', message: expect.stringContaining(text) });
    }
  });
});

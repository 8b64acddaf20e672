import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { startTestService, type RunningService } from '../test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../test-staff.js';

// A terminal that cannot reach any central server (never enrolled): the kiosk still issues tickets
// with its own prefix and the counter still calls them; every step lands in the outbox.

let svc: RunningService;
let call: ReturnType<typeof injector>;
const signIn = async (login: string, counterNo: number) => (await call('POST', '/api/counter/login', { login, password: TEST_PASSWORD, counterNo })).json.token as string;

beforeAll(async () => {
  svc = await startTestService();
  call = injector(svc.app);
  putTestStaff(svc.db, [
    ['wang.fang', '王芳', '0101'],
    ['li.na', '李娜', '0102'],
    ['zhang.wei', '张伟', '0103'],
  ]);
});
afterAll(() => svc?.stop());

describe('the hall queue with the central server unreachable', () => {
  it('issues tickets numbered with the terminal prefix, in order, and records each in the outbox', async () => {
    const lines = await call('GET', '/api/queue/lines?lang=zh-CN');
    expect(lines.json.online).toBe(false);
    expect(lines.json.lines.map((l: { code: string }) => l.code)).toContain('A');
    const first = await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' });
    const second = await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' });
    expect(first.status).toBe(200);
    expect(first.json.ticket).toMatchObject({ number: 'K-A001', offline: true, state: 'waiting' });
    expect(second.json).toMatchObject({ ticket: { number: 'K-A002' }, ahead: 1, print: 'no-printer', serviceName: '对外贸易' });
    const issued = pendingEvents(svc.db).filter((e) => e.type === 'queue.ticket-issued').map((e) => (e.payload as { number: string }).number);
    expect(issued).toEqual(['K-A001', 'K-A002']);
  });

  it('refuses a line the hall does not have, in the visitor’s language, and issues nothing', async () => {
    const before = pendingEvents(svc.db).length;
    const res = await call('POST', '/api/queue/tickets', { service: 'Z', lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('UNKNOWN_SERVICE');
    expect(pendingEvents(svc.db).length).toBe(before);
  });

  it('refuses a wrong password and a counter route without a token', async () => {
    expect((await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'wrong password', counterNo: 1 })).json.error.code).toBe('WRONG_CREDENTIALS');
    expect((await call('GET', '/api/counter/queue')).status).toBe(401);
    expect((await call('GET', '/api/counter/queue', undefined, 'x'.repeat(43))).status).toBe(401);
  });

  it('lets a clerk call next, recall, finish; a finished ticket cannot be called again', async () => {
    const token = await signIn('wang.fang', 1);
    const view = await call('GET', '/api/counter/queue', undefined, token);
    expect(view.json.lines.find((l: { code: string }) => l.code === 'A')).toMatchObject({ role: 'A', active: true });
    const called = await call('POST', '/api/counter/actions', { action: 'call-next' }, token);
    expect(called.json).toMatchObject({ offline: true, ticket: { number: 'K-A001', state: 'called', counterNo: 1, calledBy: '0101', callCount: 1 } });
    const board = await call('GET', '/api/board');
    expect(board.json.counters.find((c: { counterNo: number }) => c.counterNo === 1).number).toBe('K-A001');
    expect((await call('POST', '/api/counter/actions', { action: 'recall' }, token)).json.ticket.callCount).toBe(2);
    expect((await call('POST', '/api/counter/actions', { action: 'finish' }, token)).json.ticket.state).toBe('done');
    const again = await call('POST', '/api/counter/actions', { action: 'call', number: 'K-A001' }, token);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('QUEUE_CONFLICT');
    // Each goes up as what it was: "next" as the call of the ticket it picked, never as a fresh "next".
    const actions = pendingEvents(svc.db)
      .filter((e) => e.type === 'queue.action')
      .map((e) => e.payload as { action: string; number: string | null; ticketId: string | null });
    expect(actions.map((a) => [a.action, a.number])).toEqual([
      ['call', 'K-A001'],
      ['recall', 'K-A001'],
      ['finish', 'K-A001'],
    ]);
    expect(new Set(actions.map((a) => a.ticketId))).toEqual(new Set([called.json.ticket.id]));
  });

  it('calls a number typed in that this terminal never issued', async () => {
    const token = await signIn('zhang.wei', 3);
    const res = await call('POST', '/api/counter/actions', { action: 'call', number: 't7-b004' }, token);
    expect(res.json).toMatchObject({ offline: true, ticket: { number: 'T7-B004', service: 'B', state: 'called', counterNo: 3 } });
  });

  it('hands an A line to its B clerk while the A clerk is away, and back', async () => {
    // wang.fang is still signed in at counter 1 from above: signing in there again is the same sign-in.
    const a = await signIn('wang.fang', 1);
    const b = await signIn('li.na', 4);
    const lineA = async () => (await call('GET', '/api/counter/queue', undefined, b)).json.lines.find((l: { code: string }) => l.code === 'A');
    expect(await lineA()).toMatchObject({ role: 'B', active: false });
    await call('POST', '/api/counter/presence', { state: 'away' }, a);
    expect(await lineA()).toMatchObject({ role: 'B', active: true });
    await call('POST', '/api/counter/presence', { state: 'in' }, a);
    expect(await lineA()).toMatchObject({ active: false });
  });
});

describe('announcements on the kiosk', () => {
  it("lists today's notices of this hall in the visitor's language, and none of other days or halls", async () => {
    const { putAnnouncement } = await import('../../core/queue/reference.js');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const text = { 'zh-CN': '今天下午系统维护', en: 'System maintenance this afternoon', ru: 'Сегодня после обеда обслуживание' };
    putAnnouncement(svc.db, { id: '01M8B0000000000000000000A1', hall: 'main', text, from: today, until: today });
    putAnnouncement(svc.db, { id: '01M8B0000000000000000000A2', hall: 'main', text, from: '2001-01-01', until: '2001-01-02' });
    putAnnouncement(svc.db, { id: '01M8B0000000000000000000A3', hall: 'east', text, from: today, until: today });
    expect((await call('GET', '/api/announcements?lang=en')).json.announcements).toEqual([{ id: '01M8B0000000000000000000A1', text: 'System maintenance this afternoon', until: today }]);
  });
});

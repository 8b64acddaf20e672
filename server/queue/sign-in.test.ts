import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type CounterPresence } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { action, CLERK_PASSWORD, queueFixture, START, ticketRequest, type QueueFixture, type TestTerminal } from './test-support.js';

// Issue 11: only clerks of the hall sign in at its counters, and a counter session, not the body, names the clerk.

describe.each(backends)('counter sign-in on the server, on $name', (backend) => {
  let f: QueueFixture;
  let counter: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend);
    counter = await f.terminal('main', ['counter']);
    const { password_hash } = await f.db.selectFrom('staff').select('password_hash').where('login', '=', 'wang.fang').executeTakeFirstOrThrow();
    const others = STAFF_ROLES.filter((r) => r !== 'clerk').map((role, i) => ({ id: ulid(), login: `${role}.x`, name: role, number: `R-${i}`, role, password_hash, created_at: new Date(START) }));
    await f.db.insertInto('staff').values(others).execute();
  });
  afterAll(async () => {
    await f?.close();
  });

  const signIn = (t: TestTerminal, staff: string, counterNo: number, password = CLERK_PASSWORD) => t.call('POST', '/api/queue/presence', { counterNo, staff, state: 'in', password });
  const holder = async (counterNo: number) => ((await counter.call('GET', '/api/queue/state')).body.presence as CounterPresence[]).find((p) => p.counterNo === counterNo)?.staff ?? null;

  it('refuses supervisor, admin, office, department and inspector accounts with their right password, and a clerk of another hall', async () => {
    for (const role of STAFF_ROLES.filter((r) => r !== 'clerk')) {
      const res = await signIn(counter, `${role}.x`, 5);
      expect([role, res.status, res.body.error.code]).toEqual([role, 403, 'NOT_A_COUNTER_CLERK']);
    }
    const east = await signIn(counter, 'chen.dong', 5);
    expect([east.status, east.body.error.code, east.body.error.message]).toEqual([403, 'NOT_A_COUNTER_CLERK', '只有本大厅的窗口工作人员可以在窗口登录。']);
    // Without a password (a change made offline) the rule holds all the same.
    const named = await counter.call('POST', '/api/queue/presence', { counterNo: 5, staff: 'supervisor.x', state: 'in' });
    expect(named.body.error.code).toBe('NOT_A_COUNTER_CLERK');
    const uploaded = await counter.call('POST', '/api/sync/events', {
      events: [{ deviceSeq: 1, eventId: ulid(), type: 'queue.presence', payload: { id: ulid(), counterNo: 5, staff: 'admin.x', state: 'in', at: new Date(f.clock.now).toISOString(), overriddenBy: null }, createdAt: new Date(f.clock.now).toISOString() }],
      skipped: [],
    });
    expect(uploaded.status).toBe(200);
    expect(await holder(5)).toBeNull();
    // A wrong password and an unknown login get the same answer.
    for (const [login, password] of [['wang.fang', 'wrong password 1'], ['nobody.here', CLERK_PASSWORD]] as const) expect((await signIn(counter, login, 5, password)).body.error.code).toBe('LOGIN_FAILED');
    expect(await holder(5)).toBeNull();
  });

  it('limits wrong passwords per login at one counter: the guesser’s counter is refused, the clerk’s own counter is not', async () => {
    const guesser = await f.terminal('main', ['counter']);
    for (let i = 0; i < 5; i++) expect((await signIn(guesser, 'li.na', 4, `wrong password ${i}`)).body.error.code).toBe('LOGIN_FAILED');
    const locked = await signIn(guesser, 'li.na', 4);
    expect([locked.status, locked.body.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(await holder(4)).toBeNull();
    const own = await f.terminal('main', ['counter']);
    expect((await signIn(own, 'li.na', 4)).status).toBe(200);
  });

  it('issues a counter session to a clerk of the hall; queue actions then record its clerk and counter, whatever the body names', async () => {
    const res = await signIn(counter, 'zhang.wei', 6);
    expect(res.status).toBe(200);
    expect(res.body.session).toEqual({ token: expect.any(String), expiresAt: '2026-03-02T16:00:00.000Z', clerk: { login: 'zhang.wei', name: '张伟', number: 'S-103' } });
    const clerk = await counter.asClerk('zhang.wei', 6);
    const kiosk = await f.terminal('main', ['kiosk']);
    const ticket = (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now))).body.ticket;
    const forged = action({ action: 'call', ticketId: ticket.id, number: ticket.number, counterNo: 1, staff: 'wang.fang', staffNumber: 'S-101' }, f.clock.now);
    const called = await clerk.call('POST', '/api/queue/actions', forged);
    expect(called.body.ticket).toMatchObject({ state: 'called', counterNo: 6, calledBy: 'S-103' });
    const row = await f.db.selectFrom('queue_actions').select(['confirmed', 'counter_no']).where('action_id', '=', forged.actionId).executeTakeFirstOrThrow();
    expect(row).toEqual({ confirmed: true, counter_no: 6 });
  });

  it('refuses a session of another terminal, one past the hall’s day, and one signed out', async () => {
    const clerk = await counter.asClerk('liu.yang', 5);
    const other = await f.terminal('main', ['counter']);
    const withStolen = await f.app.inject({
      method: 'GET',
      url: '/api/appointments?date=2026-03-02',
      headers: { ...other.headers('GET', '/api/appointments?date=2026-03-02'), 'x-clerk-session': clerk.clerkToken },
    });
    expect([withStolen.statusCode, withStolen.json().error.code]).toEqual([401, 'CLERK_SESSION_REQUIRED']);
    expect((await clerk.call('GET', '/api/appointments?date=2026-03-02')).status).toBe(200);
    await clerk.call('POST', '/api/queue/presence', { counterNo: 5, staff: 'liu.yang', state: 'out' });
    expect((await clerk.call('GET', '/api/appointments?date=2026-03-02')).body.error.code).toBe('CLERK_SESSION_REQUIRED');

    const later = await counter.asClerk('liu.yang', 5);
    const now = f.clock.now;
    f.clock.now = Date.parse('2026-03-02T16:00:00Z'); // midnight in the hall
    try {
      expect((await later.call('GET', '/api/appointments?date=2026-03-03')).body.error.code).toBe('CLERK_SESSION_REQUIRED');
    } finally {
      f.clock.now = now;
    }
  });
});

import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueDay, Ticket } from '../../core/contract/index.js';
import { closeOutDays } from '../queue/close-out.js';
import { action, loggingApp, outbox, ticketRequest, type TestTerminal } from '../queue/test-support.js';
import { backends } from '../test-db.js';
import { feedbackFixture, PASSWORD, PEOPLE, type FeedbackFixture } from './test-support.js';

/**
 * Issue 10: what went wrong in a queue day is on the supervision pages and in the server's log. Two
 * counters offline both called A001 (a conflict); a supervisor let a clerk take a counter in use; the
 * day's close-out left two tickets not served. Issue 11: the offline calls are marked so.
 */
const DAY = '2026-04-07';
const at = (hm: string, day = DAY) => Date.parse(`${day}T${hm}:00+08:00`);

describe.each(backends)('the queue day on the supervision pages and in the log, on $name', (backend) => {
  let f: FeedbackFixture;
  let logged: FastifyInstance;
  let log: () => string;
  let kiosk: TestTerminal;
  let tickets: Ticket[];
  let confirmed: Ticket;
  const closed: [string, string, number][] = [];

  /** An upload through the app that logs like the real server. */
  const uploadLogged = async (t: TestTerminal, box: ReturnType<typeof outbox>) => {
    const real = t.call;
    t.call = async (method, path, body) => {
      const payload = JSON.stringify(body);
      const res = await logged.inject({ method, url: path, headers: { ...t.headers(method, path, payload), 'content-type': 'application/json' }, payload });
      return { status: res.statusCode, body: res.json() };
    };
    try {
      expect((await box.upload()).status).toBe(200);
    } finally {
      t.call = real;
    }
  };
  const day = async (who: Parameters<FeedbackFixture['staff']>[0], date = DAY) => f.staff(who, 'GET', `/api/supervision/queue?date=${date}`);

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    ({ app: logged, log } = await loggingApp(f));
    f.clock.now = at('09:00');
    kiosk = await f.terminal();
    tickets = [];
    for (let i = 0; i < 3; i++) tickets.push((await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now))).body.ticket);

    // Counters 1 and 2, offline, both called A001: counter 2 first in hall time.
    const [c1, c2] = [await f.terminal(), await f.terminal()];
    const [box1, box2] = [outbox(c1), outbox(c2)];
    const a1 = tickets[0]!;
    box2.add('queue.action', action({ action: 'call', ticketId: a1.id, number: a1.number, counterNo: 2, staff: 'li.na', staffNumber: 'S-102' }, at('09:05')));
    box1.add('queue.action', action({ action: 'call', ticketId: a1.id, number: a1.number }, at('09:06')));
    f.clock.now = at('09:10');
    await uploadLogged(c1, box1);
    await uploadLogged(c2, box2);

    // Zhang Wei holds counter 3; Wang Fang takes it over with the supervisor's sign-in.
    const presence = (staff: string, supervisor: string | null, hm: string) =>
      c1.call('POST', '/api/queue/presence', { id: ulid(), counterNo: 3, staff, state: 'in', at: new Date(at(hm)).toISOString(), supervisor: supervisor ? { login: supervisor, password: PASSWORD } : null });
    f.clock.now = at('10:00');
    expect((await presence('zhang.wei', null, '10:00')).status).toBe(200);
    f.clock.now = at('10:30');
    expect((await presence('wang.fang', null, '10:30')).body.error.code).toBe('COUNTER_IN_USE');
    expect((await presence('wang.fang', PEOPLE.supervisor.login, '10:30')).status).toBe(200);

    // Issue 11: Liu Yang, signed in online, calls a fourth ticket; the body's clerk is not believed, and the call is confirmed.
    const clerk = await (await f.terminal()).asClerk('liu.yang', 4);
    confirmed = (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now))).body.ticket;
    const called = await clerk.call('POST', '/api/queue/actions', action({ action: 'call', ticketId: confirmed.id, number: confirmed.number, counterNo: 1, staff: 'li.na', staffNumber: 'S-102' }, f.clock.now));
    expect(called.body.ticket).toMatchObject({ state: 'called', counterNo: 4, calledBy: 'S-104' });

    // Past the hall's midnight the close-out leaves A002 and A003, still waiting, not served.
    f.clock.now = at('00:01', '2026-04-08');
    await closeOutDays(f.db, f.config, () => {}, (...c) => closed.push(c));
  });
  afterAll(async () => {
    await logged?.close();
    await f?.close();
  });

  it("lists the day's conflict, the count not served and the overridden sign-in, per hall", async () => {
    const res = await day('supervisor');
    expect(res.status).toBe(200);
    const body = res.body as QueueDay;
    expect(body.date).toBe(DAY);
    const main = body.halls.find((h) => h.hall === 'main')!;
    expect(main.notServed).toBe(2);
    // What the close-out job writes to the log (startCloseOut): the hall, the day and how many.
    expect(closed).toEqual([['main', DAY, 2]]);
    expect(main.conflicts).toEqual([
      expect.objectContaining({ number: tickets[0]!.number, kind: 'called-twice', keptCounter: 2, lostCounter: 1, lostAt: new Date(at('09:06')).toISOString() }),
    ]);
    expect(main.overrides).toEqual([{ counterNo: 3, staff: 'wang.fang', staffName: '王芳', by: PEOPLE.supervisor.login, byName: PEOPLE.supervisor.name, at: new Date(at('10:30')).toISOString() }]);
    // Both calls made offline are marked so, with the clerk their counters reported; the call made with a counter session is not.
    expect(main.unconfirmed.map((a) => [a.counterNo, a.staff, a.staffNumber, a.number, a.at])).toEqual([
      [2, 'li.na', 'S-102', tickets[0]!.number, new Date(at('09:05')).toISOString()],
      [1, 'wang.fang', 'S-101', tickets[0]!.number, new Date(at('09:06')).toISOString()],
    ]);
    expect(main.unconfirmed.some((a) => a.number === confirmed.number)).toBe(false);
    // The other hall had a quiet day, and says so.
    expect(body.halls.find((h) => h.hall === 'east')).toEqual({ hall: 'east', notServed: 0, conflicts: [], overrides: [], unconfirmed: [] });
  });

  it('keeps to the day asked for, in the hall’s calendar', async () => {
    const next = (await day('office', '2026-04-08')).body as QueueDay;
    expect(next.halls.find((h) => h.hall === 'main')).toEqual({ hall: 'main', notServed: 0, conflicts: [], overrides: [], unconfirmed: [] });
  });

  it('is for the supervision readers only', async () => {
    expect((await day('inspector')).status).toBe(200);
    expect((await day('office')).status).toBe(200);
    expect((await day('dept')).status).toBe(403);
    expect((await day('clerk')).status).toBe(403);
    expect((await day(null)).status).toBe(401);
  });

  it('writes the conflict to the server log with hall, number, kind and counters, and no one’s name or staff number', () => {
    const lines = log()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; queueConflict?: unknown });
    const conflicts = lines.filter((l) => l.queueConflict);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      level: 40,
      queueConflict: { hall: 'main', number: tickets[0]!.number, kind: 'called-twice', keptCounter: 2, lostCounter: 1 },
      msg: expect.stringContaining(`${tickets[0]!.number} called-twice, kept by counter 2, set aside for counter 1`),
    });
    for (const secret of ['wang.fang', 'li.na', 'S-101', 'S-102', '王芳', '李娜']) expect(log()).not.toContain(secret);
  });
});

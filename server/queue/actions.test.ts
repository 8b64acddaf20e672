import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { action, queueFixture, ticketRequest, type QueueFixture, type TestTerminal } from './test-support.js';

describe.each(backends)('counter actions on $name', (backend) => {
  let f: QueueFixture;
  let kiosk: TestTerminal;
  let counter: TestTerminal;
  let day = Date.parse('2026-03-02T01:00:00Z');
  beforeAll(async () => {
    f = await queueFixture(backend);
    kiosk = await f.terminal();
    counter = await f.terminal();
  });
  afterAll(async () => {
    await f?.close();
  });
  // Each test works on a day of its own, so its numbers start at 001, with every counter free
  // (a service left in progress would carry over into the next day).
  beforeEach(async () => {
    day += 86_400_000;
    f.clock.now = day;
    await f.db.updateTable('tickets').set({ state: 'done' }).where('state', '=', 'called').execute();
  });

  const issue = async (service: string): Promise<Ticket> => (await kiosk.call('POST', '/api/queue/tickets', ticketRequest(service, null, f.clock.now))).body.ticket;
  const act = (a: Parameters<typeof action>[0], by = counter) => by.call('POST', '/api/queue/actions', action(a, f.clock.now));
  const ticketRow = (id: string) => f.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('many counters calling next at once never get the same ticket, and no counter gets two', async () => {
    const issued = [];
    for (let i = 0; i < 8; i++) issued.push(await issue('A'));
    const counters = await Promise.all([f.terminal(), f.terminal(), f.terminal()]);
    // Six counters press "next" twice each, all at once (a double press, or two screens).
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => act({ action: 'call-next', services: ['A'], counterNo: (i % 6) + 1 }, counters[i % 3])),
    );
    const called = answers.filter((a) => a.status === 200).map((a) => a.body.ticket);
    expect(called.map((t) => t.counterNo).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(called.map((t) => t.number)).size).toBe(6);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(Array(6).fill('COUNTER_BUSY'));
    // The two nobody called are still waiting, first in line.
    const waiting = await f.db.selectFrom('tickets').select('number').where('state', '=', 'waiting').where('id', 'in', issued.map((t) => t.id)).execute();
    expect(waiting).toHaveLength(2);
  });

  it('"next" while a visitor is served is refused until that one is finished, no-show, parked or transferred', async () => {
    const [a1, a2, a3, a4] = [await issue('A'), await issue('A'), await issue('A'), await issue('A')];
    expect((await act({ action: 'call-next', services: ['A'] })).body.ticket.number).toBe(a1.number);
    const refused = await act({ action: 'call-next', services: ['A'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('COUNTER_BUSY');
    expect((await act({ action: 'call', ticketId: a3.id })).body.error.code).toBe('COUNTER_BUSY');
    expect((await ticketRow(a2.id)).state).toBe('waiting');
    expect((await ticketRow(a1.id)).state).toBe('called');
    // Each way of letting the visitor go frees the counter for the next one.
    await act({ action: 'park', ticketId: a1.id });
    expect((await act({ action: 'call-next', services: ['A'] })).body.ticket.number).toBe(a2.number);
    await act({ action: 'no-show', ticketId: a2.id });
    expect((await act({ action: 'call-next', services: ['A'] })).body.ticket.number).toBe(a3.number);
    await act({ action: 'transfer', ticketId: a3.id, toService: 'B' });
    expect((await act({ action: 'call-next', services: ['A'] })).body.ticket.number).toBe(a4.number);
    await act({ action: 'finish', ticketId: a4.id });
    expect((await act({ action: 'call', ticketId: a1.id })).body.ticket).toMatchObject({ number: a1.number, state: 'called', callCount: 2 });
  });

  it('a transfer leaves no call behind: the ticket waits in its new line with no counter, call time or caller', async () => {
    const a1 = await issue('A');
    await act({ action: 'call', ticketId: a1.id });
    const moved = await act({ action: 'transfer', ticketId: a1.id, toService: 'B' });
    expect(moved.body.ticket).toMatchObject({ state: 'waiting', service: 'B', counterNo: null, calledAt: null, calledBy: null, callCount: 1 });
    expect(await ticketRow(a1.id)).toMatchObject({ state: 'waiting', counter_no: null, called_at: null, called_by: null });
  });

  it('call-next over two lines takes the oldest waiting ticket of either, and null when none waits', async () => {
    const b1 = await issue('B');
    const a1 = await issue('A');
    const b2 = await issue('B');
    await issue('C');
    const order = [];
    for (let i = 0; i < 4; i++) {
      const t = (await act({ action: 'call-next', services: ['A', 'B'] })).body.ticket;
      order.push(t?.number ?? null);
      if (t) await act({ action: 'finish', ticketId: t.id });
    }
    expect(order).toEqual([b1.number, a1.number, b2.number, null]);
  });

  it('refuses to call a ticket that is already called, and changes nothing', async () => {
    const t = await issue('A');
    const first = await act({ action: 'call', number: t.number, counterNo: 1 });
    expect(first.body.ticket).toMatchObject({ state: 'called', counterNo: 1, calledBy: 'S-101', callCount: 1 });
    const before = await ticketRow(t.id);
    const second = await act({ action: 'call', ticketId: t.id, counterNo: 2, staff: 'li.na', staffNumber: 'S-102' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('QUEUE_CONFLICT');
    expect(await ticketRow(t.id)).toEqual(before);
  });

  it('a repeated actionId answers the ticket as it is now and changes nothing', async () => {
    await issue('A');
    const next = action({ action: 'call-next', services: ['A'] }, f.clock.now);
    const first = await counter.call('POST', '/api/queue/actions', next);
    await act({ action: 'recall', ticketId: first.body.ticket.id });
    const again = await counter.call('POST', '/api/queue/actions', next);
    expect(again.status).toBe(200);
    expect(again.body.ticket).toMatchObject({ id: first.body.ticket.id, callCount: 2 });
    // Not a second call-next: the next ticket is still waiting.
    const t2 = await issue('A');
    expect((await ticketRow(t2.id)).state).toBe('waiting');
    expect(await f.db.selectFrom('queue_actions').select('action_id').where('action_id', '=', next.actionId).execute()).toHaveLength(1);
  });

  it('recall is for the counter holding the ticket; finish, no-show and park only after a call', async () => {
    const t = await issue('A');
    expect((await act({ action: 'finish', ticketId: t.id })).status).toBe(409);
    await act({ action: 'call', ticketId: t.id, counterNo: 1 });
    expect((await act({ action: 'recall', ticketId: t.id, counterNo: 2 })).status).toBe(409);
    expect((await act({ action: 'recall', ticketId: t.id, counterNo: 1 })).body.ticket.callCount).toBe(2);
    expect((await act({ action: 'park', ticketId: t.id })).body.ticket.state).toBe('parked');
    expect((await act({ action: 'call', ticketId: t.id, counterNo: 1 })).body.ticket).toMatchObject({ state: 'called', callCount: 3 });
    const done = await act({ action: 'finish', ticketId: t.id });
    expect(done.body.ticket).toMatchObject({ state: 'done', finishedAt: new Date(f.clock.now).toISOString() });
    expect((await act({ action: 'call', ticketId: t.id })).status).toBe(409);

    const u = await issue('A');
    await act({ action: 'call', ticketId: u.id });
    expect((await act({ action: 'no-show', ticketId: u.id })).body.ticket.state).toBe('no-show');
  });

  it('a transferred ticket keeps its number and its place by arrival in the new line', async () => {
    const a1 = await issue('A');
    const b1 = await issue('B');
    const b2 = await issue('B');
    await act({ action: 'call', ticketId: a1.id });
    const moved = await act({ action: 'transfer', ticketId: a1.id, toService: 'B' });
    expect(moved.body.ticket).toMatchObject({ number: a1.number, service: 'B', state: 'waiting', counterNo: null });
    expect((await act({ action: 'transfer', ticketId: b1.id, toService: 'Q' })).body.error.code).toBe('UNKNOWN_SERVICE');
    const order = [];
    for (let i = 0; i < 3; i++) {
      const t = (await act({ action: 'call-next', services: ['B'] })).body.ticket;
      order.push(t.number);
      await act({ action: 'finish', ticketId: t.id });
    }
    expect(order).toEqual([a1.number, b1.number, b2.number]);
  });

  it('a number unknown today is not found; the queue state shows the live tickets and recent calls', async () => {
    const res = await act({ action: 'call', number: 'A999' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');

    const [t1, t2, t3] = [await issue('A'), await issue('A'), await issue('B')];
    await act({ action: 'call', ticketId: t1.id });
    await act({ action: 'finish', ticketId: t1.id });
    await act({ action: 'call', ticketId: t2.id, counterNo: 2 });
    const state = (await counter.call('GET', '/api/queue/state')).body;
    expect(state.tickets.map((t: Ticket) => [t.number, t.state])).toEqual([
      [t2.number, 'called'],
      [t3.number, 'waiting'],
      [t1.number, 'done'],
    ]);
    expect(state.presence.map((p: { counterNo: number }) => p.counterNo)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.serverTime).toBe(f.clock.now);
  });

  it('presence: a clerk signs in at a counter, steps away, signs out', async () => {
    const inAt = await counter.call('POST', '/api/queue/presence', { counterNo: 3, staff: 'zhang.wei', state: 'in' });
    expect(inAt.body.presence.find((p: { counterNo: number }) => p.counterNo === 3)).toEqual({
      counterNo: 3,
      staff: 'zhang.wei',
      staffName: '张伟',
      staffNumber: 'S-103',
      state: 'in',
      since: new Date(f.clock.now).toISOString(),
    });
    f.clock.now += 60_000;
    const away = await counter.call('POST', '/api/queue/presence', { counterNo: 3, staff: 'zhang.wei', state: 'away' });
    expect(away.body.presence.find((p: { counterNo: number }) => p.counterNo === 3)).toMatchObject({ state: 'away', since: new Date(f.clock.now).toISOString() });
    const out = await counter.call('POST', '/api/queue/presence', { counterNo: 3, staff: 'zhang.wei', state: 'out' });
    expect(out.body.presence.find((p: { counterNo: number }) => p.counterNo === 3)).toMatchObject({ state: 'out', staff: null });
    expect((await counter.call('POST', '/api/queue/presence', { counterNo: 42, staff: 'zhang.wei', state: 'in' })).status).toBe(400);
    expect((await counter.call('POST', '/api/queue/presence', { counterNo: 3, staff: 'nobody', state: 'in' })).status).toBe(400);
  });

  it("a terminal acts only in its own hall's queue", async () => {
    const east = await f.terminal('east');
    const t = await issue('A');
    // A main-hall counter naming another hall, and the other hall's counter naming a main-hall ticket.
    const wrongHall = await act({ action: 'call', ticketId: t.id, hall: 'east' });
    expect([wrongHall.status, wrongHall.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const eastCall = await act({ action: 'call', ticketId: t.id, hall: 'east' }, east);
    expect([eastCall.status, eastCall.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await ticketRow(t.id)).state).toBe('waiting');
  });
});

import { ulid } from 'ulid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueHallEvent, Ticket } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { closeOutDays } from './close-out.js';
import { action, offlineTicket, outbox, queueFixture, ticketRequest, type QueueFixture, type TestTerminal } from './test-support.js';

/** Counters that acted offline upload what they did; the server settles it by the written rule. */
describe.each(backends)('reconciling offline counters on $name', (backend) => {
  let f: QueueFixture;
  let kiosk: TestTerminal;
  let c1: TestTerminal;
  let c2: TestTerminal;
  let day = Date.parse('2026-05-04T01:00:00Z'); // 09:00 in Shanghai
  const pushed: QueueHallEvent[] = [];
  beforeAll(async () => {
    f = await queueFixture(backend);
    const publish = f.hub.publishToHall.bind(f.hub);
    f.hub.publishToHall = (hall, e) => {
      pushed.push(e as QueueHallEvent);
      return publish(hall, e);
    };
  });
  afterAll(async () => {
    await f?.close();
  });
  // Fresh terminals each time: an outbox numbers its events from 1.
  beforeEach(async () => {
    [kiosk, c1, c2] = [await f.terminal(), await f.terminal(), await f.terminal()];
    day += 86_400_000;
    f.clock.now = day;
    pushed.length = 0;
    await f.db.updateTable('tickets').set({ state: 'done' }).where('state', '=', 'called').execute();
  });

  const min = (m: number) => day + m * 60_000;
  const issue = async (n: number): Promise<Ticket[]> => {
    const out = [];
    for (let i = 0; i < n; i++) out.push((await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now))).body.ticket);
    return out;
  };
  const row = (id: string) => f.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const state = async () => (await c1.call('GET', '/api/queue/state')).body;
  const clerk2 = { counterNo: 2, staff: 'li.na', staffNumber: 'S-102' };
  const offlineCall = (box: ReturnType<typeof outbox>, t: Ticket, m: number, over = {}) => box.add('queue.action', action({ action: 'call', ticketId: t.id, number: t.number, ...over }, min(m)));
  const offline = (box: ReturnType<typeof outbox>, name: 'finish' | 'no-show' | 'recall' | 'park', t: Ticket, m: number, over = {}) =>
    box.add('queue.action', action({ action: name, ticketId: t.id, number: t.number, ...over }, min(m)));

  it('two counters that both called A001 offline: the first call keeps it, nobody else is called, the other is told', async () => {
    const [a1, a2] = await issue(4);
    const box1 = outbox(c1);
    const box2 = outbox(c2);
    offlineCall(box1, a1!, 2);
    offlineCall(box2, a1!, 1, clerk2);
    await box1.upload();
    expect(await row(a1!.id)).toMatchObject({ state: 'called', counter_no: 1 });
    await box2.upload();
    // Counter 2 called first in hall time: A001 is its, and A002 still waits for whoever calls next.
    expect(await row(a1!.id)).toMatchObject({ state: 'called', counter_no: 2, called_by: 'S-102', call_count: 1 });
    expect(await row(a2!.id)).toMatchObject({ state: 'waiting', call_count: 0 });
    const s = await state();
    expect(s.conflicts).toEqual([expect.objectContaining({ number: a1!.number, kind: 'called-twice', keptCounter: 2, lostCounter: 1 })]);
    expect(pushed.filter((p) => p.kind === 'conflict')).toHaveLength(1);
    // Counter 1 holds nothing now: it may call the next one, which is A002.
    const next = await c1.call('POST', '/api/queue/actions', action({ action: 'call-next', services: ['A'] }, f.clock.now));
    expect(next.body.ticket).toMatchObject({ number: a2!.number, counterNo: 1 });
  });

  it('a served ticket is never turned into a no-show, and no counter keeps a ghost', async () => {
    const [, , a3, a4] = await issue(4);
    const box1 = outbox(c1);
    const box2 = outbox(c2);
    // Counter 2 called A003, served it, called A004. Counter 1 marked A003 no-show and called A004 too.
    offlineCall(box2, a3!, 1, clerk2);
    offline(box2, 'finish', a3!, 6, clerk2);
    offlineCall(box2, a4!, 7, clerk2);
    offlineCall(box1, a3!, 2);
    offline(box1, 'no-show', a3!, 4);
    offlineCall(box1, a4!, 5);
    await box1.upload();
    await box2.upload();
    expect(await row(a3!.id)).toMatchObject({ state: 'done', counter_no: 2 });
    expect(await row(a4!.id)).toMatchObject({ state: 'called', counter_no: 1 });
    const s = await state();
    const seen = s.conflicts.map((c: { number: string; kind: string; lostCounter: number }) => [c.number, c.kind, c.lostCounter]);
    expect(seen.sort()).toEqual([
      [a3!.number, 'served-elsewhere', 1],
      [a4!.number, 'called-twice', 2],
    ]);
    // Uploaded the other way round, the outcome is the same.
    const again = await issue(4);
    const [b1, b2] = [outbox(await f.terminal()), outbox(await f.terminal())];
    offlineCall(b2, again[2]!, 1, clerk2);
    offline(b2, 'finish', again[2]!, 6, clerk2);
    offlineCall(b1, again[2]!, 2);
    offline(b1, 'no-show', again[2]!, 4);
    await b2.upload();
    await b1.upload();
    expect(await row(again[2]!.id)).toMatchObject({ state: 'done', counter_no: 2 });
  });

  it('a conflict the same upload settles otherwise is withdrawn from the hall, so no counter is told of a call it did not lose', async () => {
    const [a1] = await issue(1);
    const [box1, box2] = [outbox(c1), outbox(c2)];
    // Counter 1 called A001 first and marked it a no-show; counter 2 called it after and served it.
    offlineCall(box1, a1!, 1);
    offline(box1, 'no-show', a1!, 2);
    offlineCall(box2, a1!, 3, clerk2);
    offline(box2, 'finish', a1!, 4, clerk2);
    await box1.upload();
    await box2.upload();
    expect(await row(a1!.id)).toMatchObject({ state: 'done', counter_no: 2 });
    // What a terminal keeps from the pushes, conflict by conflict, is what the server holds.
    const heard = new Map<string, string>();
    for (const p of pushed) {
      if (p.kind === 'conflict') heard.set(p.conflict.id, `${p.conflict.number} lost at ${p.conflict.lostCounter}`);
      if (p.kind === 'conflict-withdrawn') heard.delete(p.id);
    }
    const s = await state();
    expect([...heard.values()]).toEqual([`${a1!.number} lost at 1`]);
    expect(s.conflicts.map((c: { id: string }) => c.id)).toEqual([...heard.keys()]);
  });

  it('a ticket called offline by its typed number, then finished, is finished on the server even when the ticket arrives last', async () => {
    const kioskBox = outbox(kiosk);
    const t = offlineTicket('T35', 1, 'A', min(0));
    kioskBox.add('queue.ticket-issued', t);
    const box1 = outbox(c1);
    // The counter never saw the ticket: its placeholder has an id of its own, the number is shared.
    const placeholder = { ...t, id: ulid() };
    offlineCall(box1, placeholder, 2);
    offline(box1, 'finish', placeholder, 5);
    await box1.upload();
    await kioskBox.upload();
    expect(await row(t.id)).toMatchObject({ number: 'T35-A001', state: 'done', counter_no: 1, call_count: 1 });
    const s = await state();
    expect(s.tickets.filter((x: Ticket) => x.state === 'called')).toEqual([]);
  });

  it("the day's close-out leaves what waits or is parked not served; a service in progress goes on past midnight", async () => {
    await closeOutDays(f.db, f.config, () => {}); // the earlier tests' days
    const [w, p, c] = await issue(3);
    const act = (a: Parameters<typeof action>[0], by = c1) => by.call('POST', '/api/queue/actions', action(a, f.clock.now));
    await act({ action: 'call', ticketId: p!.id });
    await act({ action: 'park', ticketId: p!.id });
    await act({ action: 'call', ticketId: c!.id, ...clerk2 }, c2);
    // An offline kiosk's ticket of the same day that reaches the server only after midnight.
    const late = offlineTicket('T9', 1, 'A', min(30));
    // 23:59 in the hall: the day is still open.
    f.clock.now = day + 15 * 3_600_000 - 60_000;
    expect(await closeOutDays(f.db, f.config, () => {})).toBe(0);
    f.clock.now = day + 15 * 3_600_000 + 60_000; // 00:01 the next day
    const closing: QueueHallEvent[] = [];
    expect(await closeOutDays(f.db, f.config, (_h, e) => closing.push(e))).toBe(2);
    expect(await row(w!.id)).toMatchObject({ state: 'not-served' });
    expect(await row(p!.id)).toMatchObject({ state: 'not-served' });
    // The hall's screens hear of both at once.
    expect(closing.map((e) => e.kind === 'ticket' && [e.ticket.number, e.ticket.state]).sort()).toEqual([
      [w!.number, 'not-served'],
      [p!.number, 'not-served'],
    ]);
    // Counter 2 finishes its visitor after midnight; its next call waits for today's tickets.
    const done = await act({ action: 'finish', ticketId: c!.id, ...clerk2 }, c2);
    expect(done.body.ticket).toMatchObject({ state: 'done', number: c!.number });
    const box = outbox(kiosk);
    box.add('queue.ticket-issued', late);
    await box.upload();
    expect(await row(late.id)).toMatchObject({ state: 'not-served' });
    // Running it again changes nothing.
    expect(await closeOutDays(f.db, f.config, () => {})).toBe(0);
  });

  it('QUEUE_CLOSE_OUT closes the day at its own hour', async () => {
    await closeOutDays(f.db, f.config, () => {});
    const [w] = await issue(1);
    const config = { ...f.config, queueCloseOut: '17:30' };
    f.clock.now = day + 8 * 3_600_000 + 29 * 60_000; // 17:29
    expect(await closeOutDays(f.db, config, () => {})).toBe(0);
    f.clock.now = day + 8 * 3_600_000 + 31 * 60_000; // 17:31
    expect(await closeOutDays(f.db, config, () => {})).toBe(1);
    expect(await row(w!.id)).toMatchObject({ state: 'not-served', finished_at: new Date(day + 8.5 * 3_600_000) });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../server/test-db.js';
import { startHall, waitingNumbers, type HallTerminal } from './hall-harness.js';

/**
 * Issue 10, finding 2: a kiosk offline issued two tickets while an online kiosk issued three. After
 * reconnect every list shows them by issue time in hall time, and "next" (the server's online, the
 * counter's own offline) calls exactly the ticket the counter's list shows first.
 */
const at = (hms: string) => Date.parse(`2026-03-05T${hms}+08:00`);

describe.each(backends)('fair order across an offline kiosk and an online one, server on $name', (backend) => {
  let hall: Awaited<ReturnType<typeof startHall>>;
  let online: HallTerminal;
  let offline: HallTerminal;
  let counter: HallTerminal;
  beforeAll(async () => {
    hall = await startHall(backend, at('19:00:00'));
    [online, offline, counter] = [await hall.terminal(['kiosk']), await hall.terminal(['kiosk']), await hall.terminal(['counter'])];
  });
  afterAll(() => hall?.close());

  const issueAt = async (kiosk: HallTerminal, hms: string) => {
    hall.f.clock.now = at(hms);
    return (await kiosk.call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).json.ticket.number as string;
  };

  it('serves by issue time, and "next" always calls the first ticket of the list', async () => {
    offline.cut();
    const o1 = await issueAt(offline, '19:10:03');
    const c1 = await issueAt(online, '19:10:05');
    const c2 = await issueAt(online, '19:10:07');
    const o2 = await issueAt(offline, '19:10:09');
    const c3 = await issueAt(online, '19:10:11');
    expect([o1, o2]).toEqual([expect.stringMatching(/^T\d+-A001$/), expect.stringMatching(/^T\d+-A002$/)]);
    expect([c1, c2, c3]).toEqual(['A001', 'A002', 'A003']);

    hall.f.clock.now = at('19:12:00');
    offline.restore();
    await offline.sync();
    await counter.sync();
    const inIssueOrder = [o1, c1, c2, o2, c3];
    // The server's queue state lists the line in the order it serves it.
    const state = (await (await hall.f.terminal()).call('GET', '/api/queue/state')).body;
    expect(state.tickets.map((t: { number: string }) => t.number)).toEqual(inIssueOrder);

    const token = await counter.signIn('wang.fang', 1);
    const called: string[] = [];
    // Two calls go through the server, then the counter's link is cut and it decides on its replica.
    for (let i = 0; i < inIssueOrder.length; i++) {
      if (i === 2) counter.cut();
      hall.f.clock.now += 60_000;
      const listed = waitingNumbers((await counter.call('GET', '/api/counter/queue', undefined, token)).json, 'A');
      expect(listed).toEqual(inIssueOrder.slice(i));
      const next = (await counter.call('POST', '/api/counter/actions', { action: 'call-next' }, token)).json;
      expect(next.offline).toBe(i >= 2);
      called.push(next.ticket.number);
      expect(next.ticket.number).toBe(listed[0]);
      await counter.call('POST', '/api/counter/actions', { action: 'finish' }, token);
    }
    expect(called).toEqual(inIssueOrder);
  });

});

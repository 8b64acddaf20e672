import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../server/test-db.js';
import { startHall, type HallTerminal } from './hall-harness.js';

/**
 * Issue 10, finding 1, when the push is missed: two counters called A001 offline and the server set
 * counter 2's call aside while counter 2's live channel was not open to hear it. Its next look at the
 * server's queue (on reconnect) lets go of the ghost, though the ticket is "called, once" on both sides.
 */
const at = (hm: string) => Date.parse(`2026-03-09T${hm}:00+08:00`);

describe.each(backends)('a counter that missed the push of a conflict, server on $name', (backend) => {
  let hall: Awaited<ReturnType<typeof startHall>>;
  let kiosk: HallTerminal;
  let c1: HallTerminal;
  let c2: HallTerminal;
  beforeAll(async () => {
    hall = await startHall(backend, at('09:00'));
    [kiosk, c1, c2] = [await hall.terminal(['kiosk']), await hall.terminal(['counter']), await hall.terminal(['counter'])];
  });
  afterAll(() => hall?.close());

  it('lets go of its call once the server’s queue says another counter keeps the ticket', async () => {
    const number = (await kiosk.call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).json.ticket.number as string;
    await c1.sync();
    await c2.sync();
    const [one, two] = [await c1.signIn('wang.fang', 1), await c2.signIn('li.na', 2)];
    c1.cut();
    c2.cut();
    hall.f.clock.now = at('09:01');
    expect((await c1.call('POST', '/api/counter/actions', { action: 'call', number }, one)).json).toMatchObject({ offline: true, ticket: { counterNo: 1 } });
    hall.f.clock.now = at('09:02');
    expect((await c2.call('POST', '/api/counter/actions', { action: 'call', number }, two)).json).toMatchObject({ offline: true, ticket: { counterNo: 2 } });

    // Counter 2 is back first: for a moment the server has the ticket at counter 2. Then counter 1's earlier call arrives.
    c2.restore();
    await c2.sync();
    c1.restore();
    await c1.sync();
    await c2.sync();
    const view = (await c2.call('GET', '/api/counter/queue', undefined, two)).json;
    expect(view.current).toBeNull();
    expect(view.conflicts.map((c: { number: string; keptCounter: number }) => [c.number, c.keptCounter])).toEqual([[number, 1]]);
    expect((await c2.call('GET', '/api/board')).json.counters.slice(0, 2).map((c: { number: string | null }) => c.number)).toEqual([number, null]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../server/test-db.js';
import { startHall, type HallTerminal } from '../queue/hall-harness.js';

/**
 * Issue 10: "conflicts are listed on /status". Two counters offline both called A001; once both are
 * back, every terminal of the hall lists the conflict on its status screen's data, today only.
 */
const at = (hms: string, day = '2026-03-09') => Date.parse(`${day}T${hms}+08:00`);

describe.each(backends)("today's queue conflicts on every terminal's /status, server on $name", (backend) => {
  let hall: Awaited<ReturnType<typeof startHall>>;
  let kiosk: HallTerminal;
  let c1: HallTerminal;
  let c2: HallTerminal;
  beforeAll(async () => {
    hall = await startHall(backend, at('09:00:00'));
    [kiosk, c1, c2] = [await hall.terminal(['kiosk']), await hall.terminal(['counter']), await hall.terminal(['counter'])];
  });
  afterAll(() => hall?.close());

  const status = async (t: HallTerminal) => (await t.call('GET', '/api/status')).json;

  it('names the ticket, what happened, the counter that kept it and the one that lost it', async () => {
    const issued = (await kiosk.call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).json.ticket.number as string;
    await Promise.all([c1.sync(), c2.sync()]);
    const t1 = await c1.signIn('wang.fang', 1);
    const t2 = await c2.signIn('li.na', 2);
    expect((await status(c1)).conflicts).toEqual([]);

    c1.cut();
    c2.cut();
    // Counter 2 (B clerk of the line) calls it by number first in hall time, counter 1 "next" a minute later; neither can tell the server.
    hall.f.clock.now = at('09:05:00');
    expect((await c2.call('POST', '/api/counter/actions', { action: 'call', number: issued }, t2)).json).toMatchObject({ offline: true, ticket: { number: issued } });
    hall.f.clock.now = at('09:06:00');
    expect((await c1.call('POST', '/api/counter/actions', { action: 'call-next' }, t1)).json).toMatchObject({ offline: true, ticket: { number: issued } });

    hall.f.clock.now = at('09:10:00');
    c1.restore();
    c2.restore();
    await c1.sync();
    await c2.sync();
    await c1.sync();
    await kiosk.sync();
    for (const t of [c1, c2, kiosk]) {
      const s = await status(t);
      expect(s.conflicts).toEqual([expect.objectContaining({ number: issued, kind: 'called-twice', keptCounter: 2, lostCounter: 1, lostAt: new Date(at('09:06:00')).toISOString() })]);
      expect(s.timeZone).toBe('Asia/Shanghai');
    }
  });

  it('lists only today’s: the next morning the list is empty again', async () => {
    hall.f.clock.now = at('08:30:00', '2026-03-10');
    expect((await status(c1)).conflicts).toEqual([]);
  });
});

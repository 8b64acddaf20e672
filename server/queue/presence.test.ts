import { ulid } from 'ulid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueueHallEvent, type CounterPresence, type PresenceChange, type PresenceRequest } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { CLERK_PASSWORD, queueFixture, START, type QueueFixture, type TestTerminal } from './test-support.js';

// Who is at which counter, as the hall's screens and the AB lines see it: changes come posted and
// uploaded from outboxes, late and twice, and the server keeps per counter the newest.

describe.each(backends)('counter presence on $name', (backend) => {
  let f: QueueFixture;
  let counter: TestTerminal;
  let seq = 0;
  beforeAll(async () => {
    f = await queueFixture(backend);
    counter = await f.terminal();
    const staff = await f.db.selectFrom('staff').select(['password_hash']).executeTakeFirstOrThrow();
    await f.db
      .insertInto('staff')
      .values({ id: ulid(), login: 'zhao.min', name: '赵敏', number: 'S-900', role: 'supervisor', password_hash: staff.password_hash, created_at: new Date(START) })
      .execute();
  });
  afterAll(async () => {
    await f?.close();
  });
  // Every test on fresh counters: sign everybody out where they are.
  beforeEach(async () => {
    await f.db.deleteFrom('counter_presence').execute();
    f.clock.now += 3_600_000;
  });

  const at = (minutes: number) => new Date(f.clock.now + minutes * 60_000).toISOString();
  const change = (c: Partial<PresenceChange> & Pick<PresenceChange, 'counterNo' | 'staff' | 'state'>): PresenceChange => ({ id: ulid(), at: at(0), overriddenBy: null, ...c });
  const post = (c: PresenceChange | PresenceRequest) => counter.call('POST', '/api/queue/presence', c);
  const upload = (...changes: PresenceChange[]) =>
    counter.call('POST', '/api/sync/events', {
      events: changes.map((payload) => ({ deviceSeq: ++seq, eventId: ulid(), type: 'queue.presence', payload, createdAt: payload.at })),
      skipped: [],
    });
  const at3 = async (counterNo: number) => {
    const state = await counter.call('GET', '/api/queue/state');
    return state.body.presence.find((p: CounterPresence) => p.counterNo === counterNo) as CounterPresence;
  };

  it('applies a change made offline when it is uploaded, and the same change posted and then uploaded once', async () => {
    f.clock.now += 10 * 60_000;
    const back = change({ counterNo: 2, staff: 'li.na', state: 'in', at: at(-10) });
    expect((await upload(back)).status).toBe(200);
    expect(await at3(2)).toMatchObject({ staff: 'li.na', state: 'in', since: back.at });
    const away = change({ counterNo: 2, staff: 'li.na', state: 'away' });
    expect((await post(away)).status).toBe(200);
    await upload(away);
    expect(await at3(2)).toMatchObject({ staff: 'li.na', state: 'away', since: away.at });
    const row = await f.db.selectFrom('counter_presence').selectAll().where('counter_no', '=', 2).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ event_id: away.id, received_at: new Date(f.clock.now) });
  });

  it('never lets a late offline change overwrite a newer one', async () => {
    const away = change({ counterNo: 3, staff: 'zhang.wei', state: 'away', at: at(-5) });
    const back = change({ counterNo: 3, staff: 'zhang.wei', state: 'in', at: at(-1) });
    await post(change({ counterNo: 3, staff: 'zhang.wei', state: 'in', at: at(-20) }));
    // The "back in" arrives first (posted), the "away" made before it only later (uploaded).
    await post(back);
    await upload(away);
    expect(await at3(3)).toMatchObject({ state: 'in', since: back.at });
  });

  it('takes a time ahead of the server’s clock as now, so a fast clock does not block later changes', async () => {
    const ahead = change({ counterNo: 4, staff: 'wang.fang', state: 'in', at: at(15) });
    await post(ahead);
    expect((await at3(4)).since).toBe(at(0));
    f.clock.now += 60_000;
    await post(change({ counterNo: 4, staff: 'wang.fang', state: 'away' }));
    expect((await at3(4)).state).toBe('away');
  });

  it('refuses a login that holds another counter, and a counter another clerk holds, unless a supervisor overrides', async () => {
    await post(change({ counterNo: 1, staff: 'wang.fang', state: 'in', at: at(-3) }));
    const elsewhere = await post(change({ counterNo: 2, staff: 'wang.fang', state: 'in' }));
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, 'SIGNED_IN_ELSEWHERE']);
    const taken = await post(change({ counterNo: 1, staff: 'li.na', state: 'in' }));
    expect([taken.status, taken.body.error.code]).toEqual([409, 'COUNTER_IN_USE']);
    expect(await at3(1)).toMatchObject({ staff: 'wang.fang', state: 'in' });
    // A clerk cannot vouch for themselves, and a supervisor's name alone is not believed: their password is checked here.
    const withSupervisor = (login: string, password: string) => ({ ...change({ counterNo: 1, staff: 'li.na', state: 'in' }), supervisor: { login, password } });
    const byClerk = await post(withSupervisor('zhang.wei', CLERK_PASSWORD));
    expect([byClerk.status, byClerk.body.error.code]).toEqual([403, 'SUPERVISOR_REQUIRED']);
    const wrong = await post(withSupervisor('zhao.min', 'not the password'));
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'SUPERVISOR_REQUIRED']);
    const named = await post(change({ counterNo: 1, staff: 'li.na', state: 'in', overriddenBy: 'zhao.min' }));
    expect([named.status, named.body.error.code]).toEqual([409, 'COUNTER_IN_USE']);
    const over = await post(withSupervisor('zhao.min', CLERK_PASSWORD));
    expect(over.status).toBe(200);
    expect(await at3(1)).toMatchObject({ staff: 'li.na', state: 'in' });
    const row = await f.db.selectFrom('counter_presence').select(['overridden_by']).where('counter_no', '=', 1).executeTakeFirstOrThrow();
    expect(row.overridden_by).toBe('zhao.min');
  });

  it('lets only the clerk who holds a counter step away or sign out there: an intruder’s sign-out empties nothing', async () => {
    await post(change({ counterNo: 5, staff: 'wang.fang', state: 'in', at: at(-3) }));
    await post(change({ counterNo: 5, staff: 'li.na', state: 'out', at: at(-2) }));
    await upload(change({ counterNo: 5, staff: 'li.na', state: 'away', at: at(-1) }));
    expect(await at3(5)).toMatchObject({ staff: 'wang.fang', state: 'in' });
    await post(change({ counterNo: 5, staff: 'wang.fang', state: 'out' }));
    expect(await at3(5)).toMatchObject({ staff: null, state: 'out' });
  });

  it('signs a clerk out of the old counter when an offline sign-in at another counter is newer, and ignores an older one', async () => {
    await post(change({ counterNo: 1, staff: 'zhang.wei', state: 'in', at: at(-10) }));
    const moved = change({ counterNo: 6, staff: 'zhang.wei', state: 'in', at: at(-5) });
    await upload(moved);
    expect(await at3(6)).toMatchObject({ staff: 'zhang.wei', state: 'in' });
    expect(await at3(1)).toMatchObject({ staff: null, state: 'out', since: moved.at });
    await upload(change({ counterNo: 2, staff: 'zhang.wei', state: 'in', at: at(-7) }));
    expect((await at3(2)).state).toBe('out');
  });

  it('pushes each change to the hall once', async () => {
    const url = await f.app.listen({ host: '127.0.0.1', port: 0 });
    const board = await counter.live(url);
    const inAt = change({ counterNo: 3, staff: 'li.na', state: 'in' });
    await post(inAt);
    await upload(inAt);
    await post(change({ counterNo: 3, staff: 'wang.fang', state: 'out' }));
    f.clock.now += 1_000;
    await post(change({ counterNo: 3, staff: 'li.na', state: 'away' }));
    const pushed = () =>
      board.messages.flatMap((m) => {
        const e = m.type === 'hall' ? QueueHallEvent.parse(m.event) : null;
        return e?.kind === 'presence' ? [`${e.presence.staff} ${e.presence.state}`] : [];
      });
    await expect.poll(() => pushed().length, { timeout: 10_000 }).toBe(2);
    expect(pushed()).toEqual(['li.na in', 'li.na away']);
    board.close();
  });
});

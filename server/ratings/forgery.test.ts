import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_NOT_PRODUCED, QUEUE_EVENTS, RATING_EVENT, type RatingRecord, type Ticket } from '../../core/contract/index.js';
import { action, ticketRequest, type TestTerminal } from '../queue/test-support.js';
import { deviceOf, feedbackFixture, ratingChain, ratingOf, type FeedbackFixture } from '../supervision/test-support.js';
import { backends } from '../test-db.js';
import { verifyServerChains } from './verify.js';

/** Issue 11 §1: the attacks of a hall TV and of a terminal that forges, driven through the signed upload route. */
describe.each(backends)('ratings that cannot be forged, pre-empted or erased, on $name', (backend) => {
  let f: FeedbackFixture;
  let kiosk: TestTerminal;
  let counter: TestTerminal;
  let hallTv: TestTerminal;
  let counterChain: ReturnType<typeof ratingChain>;
  let day = Date.parse('2026-05-06T09:00:00+08:00');

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    kiosk = await f.terminal('main', ['kiosk']);
    counter = await f.terminal('main', ['counter']);
    hallTv = await f.terminal('main', ['hall']);
    counterChain = ratingChain(deviceOf(counter));
  });
  afterAll(() => f?.close());
  // A day of its own per test, so ticket numbers and counters start afresh.
  beforeEach(() => {
    day += 86_400_000;
    f.clock.now = day;
  });

  const cases = async () => (await f.staff('supervisor', 'GET', '/api/supervision/cases')).body.cases as { ratingId: string; level: number; counterNo: number; clerkNumber: string }[];
  const ratingRow = (id: string) => f.db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst();
  const failure = (eventType = RATING_EVENT) => f.db.selectFrom('failed_events').select(['reason', 'terminal_id']).where('type', '=', eventType).where('resolved_at', 'is', null).orderBy('first_failed_at', 'desc').execute();
  const later = (ms: number) => new Date((f.clock.now += ms)).toISOString();
  const issue = async (): Promise<Ticket> => (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now))).body.ticket;

  it("refuses a hall TV's rating: not stored, not applied, no case; the terminal is told why", async () => {
    const served = await f.serve(kiosk, counter);
    const forged = ratingChain(deviceOf(hallTv))({ ...ratingOf(served), level: 1, reasons: ['attitude'], recordedAt: later(30_000) });
    const res = await f.uploadAnswer(hallTv, [{ type: RATING_EVENT, payload: forged }]);
    expect(res.status).toBe(200);
    expect(res.body.refused).toEqual([{ deviceSeq: 1, code: EVENT_NOT_PRODUCED, reason: expect.stringContaining('rating.recorded') }]);
    expect(await ratingRow(forged.id)).toBeUndefined();
    expect(await f.db.selectFrom('events').select('event_id').where('terminal_id', '=', hallTv.id).execute()).toEqual([]);
    expect(await cases()).toEqual([]);
    // Nor may it act for a counter: the rule is the same for every event type.
    const call = await f.uploadAnswer(hallTv, [{ type: QUEUE_EVENTS.action, payload: action({ action: 'call-next', services: ['A'] }, f.clock.now) }]);
    expect(call.body.refused.map((r: { code: string }) => r.code)).toEqual([EVENT_NOT_PRODUCED]);
    // The dead-lettered seq travels as skipped: the acknowledgement moves past it.
    expect(call.body.ackedThrough).toBe(1);
  });

  it('a forged rating of a service that never existed opens no case and is never counted', async () => {
    const forger = ratingChain(deviceOf(kiosk));
    const forged = forger({ level: 1, reasons: ['attitude'], counterNo: 2, clerkNumber: 'S-102', channel: 'kiosk', recordedAt: later(0) });
    await f.upload(kiosk, [{ type: RATING_EVENT, payload: forged }]);
    expect(await ratingRow(forged.id)).toBeUndefined();
    expect(await cases()).toEqual([]);
    const satisfaction = await f.staff('inspector', 'GET', `/api/supervision/satisfaction?from=2026-05-01&to=2026-05-31&by=clerk`);
    expect(satisfaction.body.rows.map((r: { key: string }) => r.key)).not.toContain('S-102');
    // It waits for a finish that never comes: the chain stays whole, the verification accounts for it.
    expect(await f.db.selectFrom('pending_ratings').select('rating_id').where('rating_id', '=', forged.id).execute()).toHaveLength(1);
    expect((await verifyServerChains(f.db)).ok).toBe(true);
  });

  it("a forged early 5 of a waiting ticket does not pre-empt the visitor's real 1, which opens its case", async () => {
    const waiting = await issue();
    const early = { serviceId: waiting.id, ticketNumber: waiting.number, level: 5 as const, channel: 'kiosk' as const, recordedAt: later(1_000) };
    // The hall TV's try is refused outright; a terminal that may rate gets its try held back until the service is over.
    const byTv = await f.uploadAnswer(hallTv, [{ type: RATING_EVENT, payload: ratingChain(deviceOf(hallTv))(early) }]);
    expect(byTv.body.refused.map((r: { code: string }) => r.code)).toEqual([EVENT_NOT_PRODUCED]);
    const kioskB = await f.terminal('main', ['kiosk']);
    const earlyB = ratingChain(deviceOf(kioskB))(early);
    await f.upload(kioskB, [{ type: RATING_EVENT, payload: earlyB }]);
    expect(await ratingRow(earlyB.id)).toBeUndefined();

    // The visitor is served, then rates 1 on the counter's rating screen.
    later(60_000);
    const call = await counter.call('POST', '/api/queue/actions', action({ action: 'call', ticketId: waiting.id }, f.clock.now));
    expect(call.status).toBe(200);
    later(120_000);
    const done = (await counter.call('POST', '/api/queue/actions', action({ action: 'finish', ticketId: waiting.id }, f.clock.now))).body.ticket as Ticket;
    const real = counterChain({ ...ratingOf(done), level: 1, reasons: ['attitude'], recordedAt: later(20_000) });
    await f.upload(counter, [{ type: RATING_EVENT, payload: real }]);

    expect(await ratingRow(real.id)).toMatchObject({ duplicate: false, level: 1 });
    expect((await cases()).map((c) => c.ratingId)).toEqual([real.id]);
    // The early one was recorded before the service finished: refused, named, never counted.
    expect(await ratingRow(earlyB.id)).toBeUndefined();
    expect((await failure())[0]).toMatchObject({ terminal_id: kioskB.id, reason: 'the rating was recorded before its service finished' });
  });

  it("a forged row in the counter's chain slot does not displace the counter's real bad rating", async () => {
    const served = await f.serve(kiosk, counter);
    const next = counterChain({ ...ratingOf(served), level: 1, reasons: ['unresolved'], recordedAt: later(10_000) });
    // Another terminal that may rate claims the counter's device and the counter's next chain position first.
    const slot = { ...next, id: '01KZZZZZZZZZZZZZZZZZZZZZZZ', level: 5 as const, reasons: [] };
    await f.upload(kiosk, [{ type: RATING_EVENT, payload: slot }]);
    expect(await ratingRow(slot.id)).toBeUndefined();
    expect((await failure())[0]).toMatchObject({ terminal_id: kiosk.id, reason: expect.stringContaining("another device's chain") });

    await f.upload(counter, [{ type: RATING_EVENT, payload: next }]);
    expect(await ratingRow(next.id)).toMatchObject({ device_id: deviceOf(counter), chain_seq: next.chainSeq, duplicate: false, level: 1 });
    expect((await cases()).map((c) => c.ratingId)).toContain(next.id);
  });

  it('stores the counter, clerk and matter of the server’s own ticket, not what the payload says', async () => {
    const served = await f.serve(kiosk, counter, { counterNo: 3, staffNumber: 'S-103', service: 'B' });
    const lying = counterChain({ ...ratingOf(served), counterNo: 6, clerkNumber: 'S-104', matter: '随便写的', level: 2, reasons: ['efficiency'], recordedAt: later(5_000) });
    await f.upload(counter, [{ type: RATING_EVENT, payload: lying }]);
    expect(await ratingRow(lying.id)).toMatchObject({ ticket_id: served.id, ticket_number: served.number, counter_no: 3, clerk_number: 'S-103', service: 'B', matter: '外商投资与境外投资' });
    expect((await cases()).find((c) => c.ratingId === lying.id)).toMatchObject({ counterNo: 3, clerkNumber: 'S-103' });
    // The chain still verifies: the row is kept as the terminal hashed it.
    expect((await verifyServerChains(f.db)).ok).toBe(true);
  });

  it('refuses a rating of a ticket not served, and one dated after it reached the server', async () => {
    const t = await issue();
    later(60_000);
    await counter.call('POST', '/api/queue/actions', action({ action: 'call', ticketId: t.id }, f.clock.now));
    await counter.call('POST', '/api/queue/actions', action({ action: 'no-show', ticketId: t.id }, f.clock.now));
    const r = counterChain({ serviceId: t.id, ticketNumber: t.number, level: 1, reasons: ['attitude'], recordedAt: later(5_000) });
    await f.upload(counter, [{ type: RATING_EVENT, payload: r }]);
    expect(await ratingRow(r.id)).toBeUndefined();
    expect((await failure())[0]?.reason).toBe('the rated ticket was not served (no-show)');

    const served = await f.serve(kiosk, counter);
    const ahead = counterChain({ ...ratingOf(served), level: 5, recordedAt: new Date(f.clock.now + 3_600_000).toISOString() });
    await f.upload(counter, [{ type: RATING_EVENT, payload: ahead }]);
    expect((await failure())[0]?.reason).toBe('the rating is dated after it reached the server');
  });

  it('a rating recorded offline and uploaded before its service’s finish counts once the finish arrives', async () => {
    const tablet = await f.terminal('main', ['rating']);
    const t = await issue();
    // The counter calls and finishes offline; the rating tablet beside it gets its rating to the server first.
    const callAt = later(60_000);
    const finishAt = later(300_000);
    const rating = ratingChain(deviceOf(tablet))({ serviceId: t.id, ticketNumber: t.number, counterNo: 4, clerkNumber: 'S-104', level: 2, reasons: ['efficiency'], recordedAt: later(15_000) });
    await f.upload(tablet, [{ type: RATING_EVENT, payload: rating }]);
    expect(await ratingRow(rating.id)).toBeUndefined();

    later(600_000);
    const offline = (a: 'call' | 'finish', at: string) => ({ type: QUEUE_EVENTS.action, payload: { ...action({ action: a, ticketId: t.id, counterNo: 4, staff: 'liu.yang', staffNumber: 'S-104' }), at } });
    await f.upload(counter, [offline('call', callAt), offline('finish', finishAt)]);
    expect(await ratingRow(rating.id)).toMatchObject({ duplicate: false, level: 2, counter_no: 4, clerk_number: 'S-104' });
    expect((await cases()).map((c) => c.ratingId)).toContain(rating.id);
  });
});

describe.each(backends)('the server verification of rating chains on $name', (backend) => {
  let f: FeedbackFixture;
  let kiosk: TestTerminal;
  let counter: TestTerminal;
  const rows: RatingRecord[] = [];

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    kiosk = await f.terminal('main', ['kiosk']);
    counter = await f.terminal('main', ['counter']);
    const chain = ratingChain(deviceOf(counter));
    f.clock.now = Date.parse('2026-05-06T09:00:00+08:00');
    for (const level of [5, 1, 4] as const) {
      const served = await f.serve(kiosk, counter);
      f.clock.now += 10_000;
      rows.push(chain({ ...ratingOf(served), level, reasons: level === 1 ? ['attitude'] : [], recordedAt: new Date(f.clock.now).toISOString() }));
    }
    await f.upload(counter, rows.map((payload) => ({ type: RATING_EVENT, payload })));
  });
  afterAll(() => f?.close());

  const heartbeat = (head: { seq: number; hash: string } | null) =>
    counter.call('POST', '/api/terminal/heartbeat', { version: '1.0.0', outboxPending: 0, clockOffsetMs: 0, ...(head ? { ratingChainHead: head } : {}) });
  /** Runs a tampering, then puts the table back as the upload left it. */
  const restoring = async (fn: () => Promise<void>) => {
    const saved = await f.db.selectFrom('ratings').selectAll().execute();
    await fn();
    await sql`DELETE FROM ratings WHERE id NOT IN (SELECT rating_id FROM rating_cases)`.execute(f.db);
    const kept = new Set((await f.db.selectFrom('ratings').select('id').execute()).map((r) => r.id));
    const back = saved.filter((r) => !kept.has(r.id)).map((r) => ({ ...r, reasons: JSON.stringify(r.reasons), record: JSON.stringify(r.record) }));
    if (back.length) await f.db.insertInto('ratings').values(back).execute();
  };

  it('says "OK" only when the table, the uploads and the reported head agree', async () => {
    // An old terminal's heartbeat carries no head and still parses.
    expect((await heartbeat(null)).status).toBe(200);
    expect((await heartbeat({ seq: 3, hash: rows[2]!.hash })).status).toBe(200);
    expect(await verifyServerChains(f.db)).toEqual({ ok: true, chains: 1, rows: 3, firstBroken: null });
  });

  it('names a deleted row by device and seq', async () => {
    await restoring(async () => {
      await sql`DELETE FROM ratings WHERE id = ${rows[0]!.id}`.execute(f.db);
      expect((await verifyServerChains(f.db)).firstBroken).toEqual({ terminal: deviceOf(counter), chainSeq: 1, id: rows[0]!.id, problem: 'missing-row' });
    });
    expect((await verifyServerChains(f.db)).ok).toBe(true);
  });

  it('names a row displaced by another rating in its place', async () => {
    await restoring(async () => {
      const other = ratingChain(deviceOf(counter))({ ...rows[0]!, id: '01KYYYYYYYYYYYYYYYYYYYYYYY', level: 3 });
      const row = await f.db.selectFrom('ratings').selectAll().where('id', '=', rows[0]!.id).executeTakeFirstOrThrow();
      await sql`DELETE FROM ratings WHERE id = ${rows[0]!.id}`.execute(f.db);
      await f.db
        .insertInto('ratings')
        .values({ ...row, id: other.id, level: 3, hash: other.hash, reasons: JSON.stringify(row.reasons), record: JSON.stringify(other) })
        .execute();
      expect((await verifyServerChains(f.db)).firstBroken).toEqual({ terminal: deviceOf(counter), chainSeq: 1, id: other.id, problem: 'displaced' });
    });
  });

  it('names a chain that stops short of the head its terminal reported', async () => {
    // The last row and its upload are both gone (a restore from an older backup, say): only the head still knows of it.
    const last = rows[2]!;
    const event = await f.db.selectFrom('events').selectAll().where('terminal_id', '=', counter.id).where(sql`payload->>'id'`, '=', last.id).executeTakeFirstOrThrow();
    await sql`DELETE FROM ratings WHERE id = ${last.id}`.execute(f.db);
    await sql`DELETE FROM events WHERE event_id = ${event.event_id}`.execute(f.db);
    expect((await verifyServerChains(f.db)).firstBroken).toEqual({ terminal: deviceOf(counter), chainSeq: 3, id: null, problem: 'short-of-head' });
  });
});

describe.each(backends)('who sees the visitor behind a rating, on $name', (backend) => {
  let f: FeedbackFixture;

  beforeAll(async () => {
    f = await feedbackFixture(backend);
  });
  afterAll(() => f?.close());

  it('only the office sees the enterprise and the phone of a bad rating’s booked visitor; supervisors and inspectors see no contact', async () => {
    const kiosk = await f.terminal('main', ['kiosk']);
    const counter = await f.terminal('main', ['counter']);
    f.clock.now = Date.parse('2026-05-06T09:00:00+08:00');
    const served = await f.serve(kiosk, counter);
    await f.db
      .insertInto('appointments')
      .values({ id: '01KXAPPTAPPTAPPTAPPTAPPTAP', code: '482913', hall: 'main', enterprise: '华夏进出口有限公司', phone: '13812345678', matter: '对外贸易经营者备案', procedure_code: null, service: 'A', day: '2026-05-06', time_from: '09:00', time_to: '09:30', state: 'checked-in', ticket_id: served.id, created_by: 'wang.fang', created_at: new Date(f.clock.now) })
      .execute();
    await f.db.updateTable('tickets').set({ appointment_id: '01KXAPPTAPPTAPPTAPPTAPPTAP' }).where('id', '=', served.id).execute();
    f.clock.now += 10_000;
    const bad = ratingChain(deviceOf(counter))({ ...ratingOf(served), level: 1, reasons: ['attitude'], recordedAt: new Date(f.clock.now).toISOString() });
    await f.upload(counter, [{ type: RATING_EVENT, payload: bad }]);
    const [c] = (await f.staff('office', 'GET', '/api/supervision/cases')).body.cases;

    const office = await f.staff('office', 'GET', `/api/supervision/cases/${c.id}`);
    expect(office.body.contact).toEqual({ enterprise: '华夏进出口有限公司', phone: '13812345678', phoneMasked: '138****5678' });
    for (const who of ['supervisor', 'inspector'] as const) {
      const res = await f.staff(who, 'GET', `/api/supervision/cases/${c.id}`);
      expect(res.status).toBe(200);
      expect(res.body.contact).toBeNull();
      expect(JSON.stringify(res.body)).not.toMatch(/华夏|5678/);
      for (const url of ['/api/supervision/cases', '/api/supervision/ratings?limit=10', '/api/supervision/live', '/api/supervision/inspection']) {
        const list = await f.staff(who, 'GET', url);
        if (list.status === 200) expect(JSON.stringify(list.body)).not.toMatch(/华夏|5678/);
      }
    }
  });
});

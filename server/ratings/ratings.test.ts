import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_EVENT, type RatingRecord, type Ticket } from '../../core/contract/index.js';
import type { TestTerminal } from '../queue/test-support.js';
import { deviceOf, feedbackFixture, ratingChain, ratingOf, type FeedbackFixture } from '../supervision/test-support.js';
import { backends } from '../test-db.js';
import { verifyServerChains } from './verify.js';

describe.each(backends)('ratings and their follow-up on $name', (backend) => {
  let f: FeedbackFixture;
  let counter: TestTerminal;
  let tablet: TestTerminal;
  let counterChain: ReturnType<typeof ratingChain>;
  let tabletChain: ReturnType<typeof ratingChain>;
  const rows: RatingRecord[] = [];
  /** Services the server holds as finished, each rated below. */
  let served: Ticket[];

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    const kiosk = await f.terminal('main', ['kiosk']);
    counter = await f.terminal('main', ['counter', 'rating']);
    tablet = await f.terminal('main', ['rating']);
    counterChain = ratingChain(deviceOf(counter));
    tabletChain = ratingChain(deviceOf(tablet));
    served = [];
    for (const [at, counterNo, staffNumber] of [['09:05', 1, 'S-101'], ['09:30', 1, 'S-101'], ['09:47', 2, 'S-102'], ['09:55', 1, 'S-101']] as const) {
      f.clock.now = Date.parse(`2026-04-30T${at}:00+08:00`);
      served.push(await f.serve(kiosk, counter, { counterNo, staffNumber }));
    }
    f.clock.now = Date.parse('2026-04-30T10:05:00+08:00');
  });
  afterAll(() => f?.close());

  const rate = async (t: TestTerminal, ...records: RatingRecord[]) => {
    rows.push(...records);
    await f.upload(t, records.map((payload) => ({ type: RATING_EVENT, payload })));
  };

  it('opens a follow-up case for a bad rating, due 15 working days after the day it was filed (May Day counted off)', async () => {
    const good = counterChain({ ...ratingOf(served[0]!), level: 5, recordedAt: '2026-04-30T09:10:00+08:00' });
    const bad = counterChain({ ...ratingOf(served[1]!), level: 1, reasons: ['attitude', 'repeat-visits'], comment: '态度生硬', recordedAt: '2026-04-30T09:40:00+08:00' });
    await rate(counter, good, bad);
    const cases = await f.staff('supervisor', 'GET', '/api/supervision/cases');
    expect(cases.status).toBe(200);
    expect(cases.body.cases).toHaveLength(1);
    expect(cases.body.cases[0]).toMatchObject({
      ratingId: bad.id,
      state: 'open',
      filedOn: '2026-04-30',
      deadline: '2026-05-25',
      overdue: false,
      level: 1,
      reasons: ['attitude', 'repeat-visits'],
      clerkNumber: 'S-101',
      clerkName: '王芳',
      counterNo: 1,
    });
    const feed = await f.staff('office', 'GET', '/api/supervision/ratings?limit=5');
    expect(feed.body.ratings.map((r: { id: string }) => r.id)).toEqual([bad.id, good.id]);
    expect(feed.body.ratings[0]).toMatchObject({ level: 1, caseId: cases.body.cases[0].id, duplicate: false });
    expect(Object.keys(feed.body.ratings[0])).not.toContain('phone');
  });

  it('a re-sent upload changes nothing, and a second rating of the same service through another terminal is kept but not counted', async () => {
    const again = rows[1]!;
    const res = await counter.call('POST', '/api/sync/events', {
      events: [{ deviceSeq: 2, eventId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', type: RATING_EVENT, payload: again, createdAt: new Date(f.clock.now).toISOString() }],
    });
    expect(res.status).toBe(200);
    const dup = tabletChain({ level: 2, serviceId: again.serviceId, recordedAt: '2026-04-30T09:45:00+08:00' });
    const notRated = tabletChain({ ...ratingOf(served[2]!), level: null, recordedAt: '2026-04-30T09:50:00+08:00' });
    await rate(tablet, dup, notRated);
    const feed = await f.staff('supervisor', 'GET', '/api/supervision/ratings?limit=10');
    expect(feed.body.ratings.find((r: { id: string }) => r.id === dup.id)).toMatchObject({ duplicate: true, caseId: null });
    expect((await f.staff('supervisor', 'GET', '/api/supervision/cases')).body.cases).toHaveLength(1);

    const byCounter = await f.staff('inspector', 'GET', '/api/supervision/satisfaction?from=2026-04-30&to=2026-04-30&by=counter');
    expect(byCounter.body.rows).toEqual([
      { key: '1', label: '1', services: 2, rated: 2, good: 1, goodRate: 0.5, bad: 1, notRated: 0 },
      { key: '2', label: '2', services: 1, rated: 0, good: 0, goodRate: null, bad: 0, notRated: 1 },
    ]);
    expect(byCounter.body.total).toMatchObject({ services: 3, rated: 2, good: 1, bad: 1, notRated: 1 });
    const byClerk = await f.staff('office', 'GET', '/api/supervision/satisfaction?from=2026-04-01&to=2026-04-30&by=clerk');
    expect(byClerk.body.rows.map((r: { label: string }) => r.label)).toEqual(['王芳', '李娜']);
    const byDay = await f.staff('office', 'GET', '/api/supervision/satisfaction?from=2026-04-01&to=2026-04-30&by=day');
    expect(byDay.body.rows).toEqual([expect.objectContaining({ key: '2026-04-30', services: 3 })]);
    expect((await f.staff('office', 'GET', '/api/supervision/satisfaction?from=2026-04-30&to=2026-04-01')).status).toBe(400);
  });

  it('only the office works a case, step by step: return visit, outcome, feedback to the rater, close', async () => {
    const [c] = (await f.staff('office', 'GET', '/api/supervision/cases')).body.cases;
    const act = (who: 'office' | 'supervisor' | 'inspector' | 'dept', body: object) => f.staff(who, 'POST', `/api/supervision/cases/${c.id}/actions`, body);
    for (const who of ['supervisor', 'inspector', 'dept'] as const) expect((await act(who, { action: 'return-visit', note: '已回访' })).status).toBe(403);
    expect((await act('office', { action: 'outcome', outcome: 'fixed', note: '已整改' })).status).toBe(409);
    expect((await act('office', { action: 'return-visit', note: '电话回访，情况属实。' })).body.state).toBe('visited');
    expect((await act('office', { action: 'outcome', outcome: 'fixed-by-deadline', note: '限期整改' })).status).toBe(400);
    const resolved = await act('office', { action: 'outcome', outcome: 'fixed-by-deadline', fixBy: '2026-05-15', note: '窗口人员限期整改，已登记台账。' });
    expect(resolved.body).toMatchObject({ state: 'resolved', outcome: 'fixed-by-deadline', fixBy: '2026-05-15' });
    expect((await act('office', { action: 'feedback', note: '已向评价人反馈整改情况。' })).body.state).toBe('fed-back');
    const closed = await act('office', { action: 'close', note: null });
    expect(closed.body.state).toBe('closed');
    expect(closed.body.steps.map((s: { action: string }) => s.action)).toEqual(['opened', 'return-visit', 'outcome', 'feedback', 'close']);
    expect(closed.body.rating).toMatchObject({ id: c.ratingId, comment: '态度生硬' });
    expect((await f.staff('supervisor', 'GET', `/api/supervision/cases/${c.id}`)).body.state).toBe('closed');
    expect((await f.staff('supervisor', 'GET', '/api/supervision/cases/01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
  });

  it('the live feed gives the cursor, then each new rating and case once', async () => {
    const start = await f.staff('supervisor', 'GET', '/api/supervision/live');
    expect(start.body).toMatchObject({ ratings: [], cases: [], complaints: [] });
    const bad = counterChain({ ...ratingOf(served[3]!), level: 2, reasons: ['efficiency'], recordedAt: '2026-04-30T10:00:00+08:00' });
    await rate(counter, bad);
    const next = await f.staff('supervisor', 'GET', `/api/supervision/live?after=${start.body.cursor}`);
    expect(next.body.ratings.map((r: { id: string }) => r.id)).toEqual([bad.id]);
    expect(next.body.cases).toEqual([expect.objectContaining({ ratingId: bad.id, deadline: '2026-05-25', state: 'open' })]);
    expect(next.body.cursor).toBeGreaterThan(start.body.cursor);
    const quiet = await f.staff('supervisor', 'GET', `/api/supervision/live?after=${next.body.cursor}`);
    expect(quiet.body).toEqual({ cursor: next.body.cursor, ratings: [], cases: [], complaints: [], failedEvents: 0 });
  });

  it('an open case past its deadline is escalated and shown to the inspector', async () => {
    f.clock.now = Date.parse('2026-05-26T09:00:00+08:00');
    const view = await f.staff('inspector', 'GET', '/api/supervision/inspection');
    expect(view.body.cases).toEqual([expect.objectContaining({ state: 'open', overdue: true, escalated: true, deadline: '2026-05-25' })]);
    f.clock.now = Date.parse('2026-04-30T10:05:00+08:00');
  });

  it('verifies every chain; an edited row, a deleted row and a deleted last row are each named', async () => {
    expect(await verifyServerChains(f.db)).toEqual({ ok: true, chains: 2, rows: 5, firstBroken: null });
    const [, bad] = rows;

    await sql`UPDATE ratings SET level = 5 WHERE id = ${bad!.id}`.execute(f.db);
    expect((await verifyServerChains(f.db)).firstBroken).toEqual({ terminal: deviceOf(counter), chainSeq: 2, id: bad!.id, problem: 'hash-mismatch' });
    await sql`UPDATE ratings SET level = 1 WHERE id = ${bad!.id}`.execute(f.db);
    expect((await verifyServerChains(f.db)).ok).toBe(true);

    // A deleted row in the middle of a chain: named by its place and, from the uploaded event, its id.
    const first = rows[0]!;
    const saved = await f.db.selectFrom('ratings').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    await sql`DELETE FROM ratings WHERE id = ${first.id}`.execute(f.db);
    expect((await verifyServerChains(f.db)).firstBroken).toEqual({ terminal: deviceOf(counter), chainSeq: 1, id: first.id, problem: 'missing-row' });
    await f.db.insertInto('ratings').values({ ...saved, reasons: JSON.stringify(saved.reasons), record: JSON.stringify(saved.record) }).execute();
    expect((await verifyServerChains(f.db)).ok).toBe(true);

    // The last row of a chain (with its case, which the foreign key would otherwise keep it for).
    const last = rows.at(-1)!;
    await sql`DELETE FROM rating_case_steps WHERE case_id IN (SELECT id FROM rating_cases WHERE rating_id = ${last.id})`.execute(f.db);
    await sql`DELETE FROM rating_cases WHERE rating_id = ${last.id}`.execute(f.db);
    await sql`DELETE FROM ratings WHERE id = ${last.id}`.execute(f.db);
    expect(await verifyServerChains(f.db)).toEqual({ ok: false, chains: 2, rows: 4, firstBroken: { terminal: deviceOf(counter), chainSeq: 3, id: last.id, problem: 'missing-row' } });
  });
});

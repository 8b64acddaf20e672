import { readFileSync } from 'node:fs';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ERROR_MESSAGES, SyncSnapshot, type Appointment } from '../../core/contract/index.js';
import { CLERKS, queueFixture, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { importServerCatalog } from '../sync/catalog.js';
import { changesAfter, latestSeq, pruneChanges } from '../sync/changes.js';
import { backends } from '../test-db.js';
import { maskPhone } from './repository.js';

const booking = {
  enterprise: '黑龙江龙辰国际贸易有限公司',
  contactPhone: '13812345678',
  matter: '自动进口许可证申领',
  procedureCode: 'FT-01',
  service: 'A',
  date: '2026-03-03',
  from: '09:00',
  to: '09:30',
  createdBy: 'wang.fang',
};

describe('phone masking', () => {
  it('shows the first three and last four digits only', () => {
    expect(maskPhone('13812345678')).toEqual({ phoneMasked: '138****5678', phoneLast4: '5678' });
    expect(maskPhone('0451-86612345')).toEqual({ phoneMasked: '045****2345', phoneLast4: '2345' });
  });
});

describe.each(backends)('appointments on $name', (backend) => {
  let f: QueueFixture;
  let counter: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    counter = await (await f.terminal('main', ['counter'])).asClerk('wang.fang');
  });
  afterAll(async () => {
    await f?.close();
  });

  const book = (over: Partial<typeof booking> = {}) => counter.call('POST', '/api/appointments', { ...booking, ...over });

  it('a booked appointment gets a six-digit code, reaches terminals as a change with the phone masked, and is in the snapshot', async () => {
    const res = await book();
    expect(res.status).toBe(200);
    const appt = res.body as Appointment;
    expect(appt).toMatchObject({ hall: 'main', code: expect.stringMatching(/^\d{6}$/), phoneMasked: '138****5678', phoneLast4: '5678', state: 'booked', ticketId: null, date: '2026-03-03' });
    expect(JSON.stringify(appt)).not.toContain('13812345678');

    const page = await changesAfter(f.db, 0, 500);
    const change = 'changes' in page ? page.changes.find((c) => c.entity === 'appointment' && c.key === appt.id) : undefined;
    expect(change?.data).toEqual(appt);
    expect(JSON.stringify(page)).not.toContain('13812345678');

    // A terminal too far behind gets the snapshot: the appointment, the staff and the halls are in it.
    await pruneChanges(f.db, await latestSeq(f.db));
    const gone = await counter.call('GET', '/api/sync/changes?after=0');
    expect(gone.status).toBe(410);
    const snap = SyncSnapshot.parse(gone.body.snapshot);
    expect(snap.appointments).toEqual([appt]);
    expect(snap.halls?.map((h) => h.hall)).toEqual(['east', 'main']);
    expect(snap.staff?.map((s) => s.login)).toEqual(CLERKS.filter((c) => c.hall === 'main').map((c) => c.login).sort());
    expect(JSON.stringify(snap)).not.toContain('13812345678');
  });

  it('lists the hall’s appointments of a date; codes of booked appointments are unique', async () => {
    const made = [];
    for (let i = 0; i < 15; i++) made.push((await book({ date: '2026-03-05', from: `1${i % 8}:00`, to: `1${i % 8}:30` })).body as Appointment);
    expect(new Set(made.map((a) => a.code)).size).toBe(15);
    const list = (await counter.call('GET', '/api/appointments?date=2026-03-05')).body.appointments as Appointment[];
    expect(list.map((a) => a.id).sort()).toEqual(made.map((a) => a.id).sort());
    const east = await f.terminal('east', ['counter']);
    expect((await (await east.asClerk('chen.dong')).call('GET', '/api/appointments?date=2026-03-05')).body.appointments).toEqual([]);
    // No clerk signed in, no list of enterprises.
    expect((await east.call('GET', '/api/appointments?date=2026-03-05')).body.error.code).toBe('CLERK_SESSION_REQUIRED');
  });

  it('records the clerk of the counter session, whoever the body names; books nothing without a session', async () => {
    const res = await book({ date: '2026-03-04', createdBy: 'li.na' });
    expect(res.status).toBe(200);
    const row = await f.db.selectFrom('appointments').select('created_by').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.created_by).toBe('wang.fang');
    const before = await latestSeq(f.db);
    const hallTv = await f.terminal('main', ['counter']);
    const refused = await hallTv.call('POST', '/api/appointments', { ...booking, createdBy: 'wang.fang' });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'CLERK_SESSION_REQUIRED']);
    expect(await latestSeq(f.db)).toBe(before);
  });

  it('refuses a past date, an unknown line, a bad phone or time span, a procedure not in the catalog, and books nothing', async () => {
    await importServerCatalog(f.db, readFileSync(new URL('../../assets/catalog/commerce.json', import.meta.url), 'utf8'), new Date(f.clock.now));
    const before = await latestSeq(f.db);
    const refused = [
      await book({ date: '2026-03-01' }),
      await book({ service: 'Q' }),
      await book({ contactPhone: '12345' }),
      await book({ from: '10:00', to: '09:00' }),
      await book({ procedureCode: 'XX-99' }),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual([
      [400, 'VALIDATION_FAILED'],
      [400, 'UNKNOWN_SERVICE'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(JSON.stringify(refused.map((r) => r.body))).not.toContain('12345');
    expect(await latestSeq(f.db)).toBe(before);
  });

  it('refuses text the database cannot store (a NUL, a lone surrogate) with a translated VALIDATION_FAILED, and books nothing', async () => {
    const before = await latestSeq(f.db);
    const count = async () => (await f.db.selectFrom('appointments').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const rows = await count();
    const refused = [await book({ matter: 'abc\u0000defgh' }), await book({ enterprise: '黑龙江\uD800贸易有限公司' }), await book({ matter: '进口\uDC00许可' })];
    expect(refused.map((r) => [r.status, r.body.error.code, r.body.error.message])).toEqual(Array(3).fill([400, 'VALIDATION_FAILED', SERVER_ERROR_MESSAGES['zh-CN'].VALIDATION_FAILED]));
    expect(await latestSeq(f.db)).toBe(before);
    expect(await count()).toBe(rows);
  });

  describe('cancelling', () => {
    const cancel = (id: string, requestId = ulid(), over: Record<string, unknown> = {}) =>
      counter.call('POST', `/api/appointments/${id}/cancel`, { requestId, cancelledBy: 'li.na', reason: '企业来电取消', ...over });
    const changesOf = async (id: string, after: number) => {
      const page = await changesAfter(f.db, after, 5000);
      return 'changes' in page ? page.changes.filter((c) => c.entity === 'appointment' && c.key === id) : [];
    };

    it('cancels a booked appointment with who, when and why, and the hall’s terminals get it as a change', async () => {
      const start = await latestSeq(f.db);
      const appt = (await book({ date: '2026-03-06' })).body as Appointment;
      const res = await cancel(appt.id);
      expect(res.status).toBe(200);
      // The body named li.na; the session's clerk is recorded.
      expect(res.body).toEqual({ ...appt, state: 'cancelled', cancelled: { at: new Date(f.clock.now).toISOString(), by: 'wang.fang', reason: '企业来电取消' } });
      const feed = await changesOf(appt.id, start);
      expect(feed.map((c) => (c.data as Appointment).state)).toEqual(['booked', 'cancelled']);
      expect(feed.at(-1)?.data).toEqual(res.body);
      expect((await counter.call('GET', '/api/appointments?date=2026-03-06')).body.appointments).toEqual([res.body]);
    });

    it('answers a retried request the same and records it once; a second cancellation is refused', async () => {
      const start = await latestSeq(f.db);
      const appt = (await book({ date: '2026-03-06' })).body as Appointment;
      const requestId = ulid();
      const first = await cancel(appt.id, requestId, { reason: '' });
      expect(first.body).toMatchObject({ state: 'cancelled', cancelled: { by: 'wang.fang', reason: null } });
      const seq = await latestSeq(f.db);
      const retry = await cancel(appt.id, requestId, { reason: '' });
      expect(retry).toEqual(first);
      const again = await cancel(appt.id);
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'APPOINTMENT_CANCELLED', message: SERVER_ERROR_MESSAGES['zh-CN'].APPOINTMENT_CANCELLED });
      expect(await latestSeq(f.db)).toBe(seq);
      expect(await changesOf(appt.id, start)).toHaveLength(2);
    });

    it('refuses one already checked in, and a cancelled one cannot be checked in', async () => {
      const appt = (await book({ date: '2026-03-02' })).body as Appointment;
      const ticket = await counter.call('POST', '/api/queue/tickets', { id: ulid(), service: 'A', appointmentId: appt.id, issuedAt: new Date(f.clock.now).toISOString() });
      expect(ticket.status).toBe(200);
      const seq = await latestSeq(f.db);
      const refused = await cancel(appt.id);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'APPOINTMENT_CHECKED_IN', message: SERVER_ERROR_MESSAGES['zh-CN'].APPOINTMENT_CHECKED_IN });
      expect(await latestSeq(f.db)).toBe(seq);

      const other = (await book({ date: '2026-03-02' })).body as Appointment;
      expect((await cancel(other.id)).status).toBe(200);
      const late = await counter.call('POST', '/api/queue/tickets', { id: ulid(), service: 'A', appointmentId: other.id, issuedAt: new Date(f.clock.now).toISOString() });
      expect([late.status, late.body.error.code]).toEqual([409, 'APPOINTMENT_CANCELLED']);
    });

    it('finds no appointment of another hall or an unknown one, cancels nothing without a session, and changes nothing', async () => {
      const appt = (await book({ date: '2026-03-06' })).body as Appointment;
      const east = await (await f.terminal('east', ['counter'])).asClerk('chen.dong');
      const seq = await latestSeq(f.db);
      const fromEast = await east.call('POST', `/api/appointments/${appt.id}/cancel`, { requestId: ulid(), cancelledBy: 'li.na', reason: null });
      expect([fromEast.status, fromEast.body.error.code]).toEqual([404, 'NOT_FOUND']);
      expect((await cancel(ulid())).status).toBe(404);
      const noSession = await (await f.terminal('main', ['counter'])).call('POST', `/api/appointments/${appt.id}/cancel`, { requestId: ulid(), cancelledBy: 'li.na', reason: null });
      expect([noSession.status, noSession.body.error.code]).toEqual([401, 'CLERK_SESSION_REQUIRED']);
      expect((await cancel(appt.id, ulid(), { reason: 'x'.repeat(101) })).body.error.code).toBe('VALIDATION_FAILED');
      expect(await latestSeq(f.db)).toBe(seq);
      expect(((await counter.call('GET', '/api/appointments?date=2026-03-06')).body.appointments as Appointment[]).find((a) => a.id === appt.id)?.state).toBe('booked');
    });

    it('refuses a reason holding a NUL or a lone surrogate with a translated VALIDATION_FAILED, and the appointment stays booked', async () => {
      const appt = (await book({ date: '2026-03-06' })).body as Appointment;
      const seq = await latestSeq(f.db);
      for (const reason of ['企业\u0000来电取消', '企业\uD800来电取消']) {
        const res = await cancel(appt.id, ulid(), { reason });
        expect([res.status, res.body.error.code, res.body.error.message]).toEqual([400, 'VALIDATION_FAILED', SERVER_ERROR_MESSAGES['zh-CN'].VALIDATION_FAILED]);
      }
      expect(await latestSeq(f.db)).toBe(seq);
      expect(((await counter.call('GET', '/api/appointments?date=2026-03-06')).body.appointments as Appointment[]).find((a) => a.id === appt.id)?.state).toBe('booked');
    });

    it('keeps cancelled appointments in the snapshot, so a kiosk can tell the visitor', async () => {
      await pruneChanges(f.db, await latestSeq(f.db));
      const snap = SyncSnapshot.parse((await counter.call('GET', '/api/sync/changes?after=0')).body.snapshot);
      const states = new Set(snap.appointments?.filter((a) => a.date === '2026-03-06').map((a) => a.state));
      expect(states).toEqual(new Set(['booked', 'cancelled']));
      expect(snap.appointments?.find((a) => a.state === 'cancelled')?.cancelled?.by).toBe('wang.fang');
    });
  });
});

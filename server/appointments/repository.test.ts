import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncSnapshot, type Appointment } from '../../core/contract/index.js';
import { queueFixture, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
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
    f = await queueFixture(backend);
    counter = await f.terminal('main', ['counter']);
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
    expect(snap.staff?.map((s) => s.login)).toEqual(['li.na', 'wang.fang', 'zhang.wei']);
    expect(JSON.stringify(snap)).not.toContain('13812345678');
  });

  it('lists the hall’s appointments of a date; codes of booked appointments are unique', async () => {
    const made = [];
    for (let i = 0; i < 15; i++) made.push((await book({ date: '2026-03-05', from: `1${i % 8}:00`, to: `1${i % 8}:30` })).body as Appointment);
    expect(new Set(made.map((a) => a.code)).size).toBe(15);
    const list = (await counter.call('GET', '/api/appointments?date=2026-03-05')).body.appointments as Appointment[];
    expect(list.map((a) => a.id).sort()).toEqual(made.map((a) => a.id).sort());
    const east = await f.terminal('east', ['counter']);
    expect((await east.call('GET', '/api/appointments?date=2026-03-05')).body.appointments).toEqual([]);
  });

  it('refuses a past date, an unknown line, an unknown clerk, a bad phone or time span, a procedure not in the catalog, and books nothing', async () => {
    await importServerCatalog(f.db, readFileSync(new URL('../../assets/catalog/commerce.json', import.meta.url), 'utf8'), new Date(f.clock.now));
    const before = await latestSeq(f.db);
    const refused = [
      await book({ date: '2026-03-01' }),
      await book({ service: 'Q' }),
      await book({ createdBy: 'nobody' }),
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
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(JSON.stringify(refused.map((r) => r.body))).not.toContain('12345');
    expect(await latestSeq(f.db)).toBe(before);
  });
});

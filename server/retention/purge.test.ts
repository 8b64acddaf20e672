import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { hallDay } from '../../core/common/hall-time.js';
import { createAppointment } from '../appointments/repository.js';
import { loadServerConfig } from '../config.js';
import { feedbackFixture, opinion, type FeedbackFixture } from '../supervision/test-support.js';
import { backends } from '../test-db.js';
import { purgeServer } from './purge.js';

const PHONE = '13987654321';
const ID_NUMBER = '230102199001011234';
const DAY = 86_400_000;

describe('retention settings of the server', () => {
  it('have a default per kind of data and refuse what is not a number of days', () => {
    expect(loadServerConfig({}).retention).toEqual({ complaintDays: 180, appointmentPhoneDays: 30, certificateDays: 180 });
    expect(loadServerConfig({ COMPLAINT_RETENTION_DAYS: '365', APPOINTMENT_PHONE_RETENTION_DAYS: '0', CERTIFICATE_RETENTION_DAYS: '90' }).retention).toEqual({ complaintDays: 365, appointmentPhoneDays: 0, certificateDays: 90 });
    expect(() => loadServerConfig({ COMPLAINT_RETENTION_DAYS: '-1' })).toThrow(/COMPLAINT_RETENTION_DAYS must be a whole number/);
  });
});

describe.each(backends)('the server’s retention purge on $name', (backend) => {
  let f: FeedbackFixture;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
  });
  afterAll(() => f?.close());

  /** Every row of the tables that held the data, as text: what an attacker with the database reads. */
  const everything = async () => {
    const out: string[] = [];
    for (const t of ['complaints', 'complaint_steps', 'events', 'appointments', 'changes']) {
      const { rows } = await sql<{ r: string }>`SELECT t::text AS r FROM ${sql.table(t)} t`.execute(f.db);
      out.push(...rows.map((r) => r.r));
    }
    return out.join('\n');
  };
  const purge = () => purgeServer(f.db, f.config);

  it('masks phones and ID numbers in a complaint for every role but the office, then purges them after the retention period', async () => {
    const kiosk = await f.terminal('main', ['kiosk']);
    const filed = opinion({ phone: PHONE, text: `窗口索要好处费，我的身份证${ID_NUMBER}，电话${PHONE}。` });
    await f.upload(kiosk, [{ type: OPINION_EVENT, payload: filed }]);
    await createAppointment(
      f.db,
      'main',
      { enterprise: '华夏进出口有限公司', contactPhone: PHONE, matter: '对外贸易', procedureCode: null, service: 'A', date: hallDay(f.clock.now, f.config.hallTimeZone), from: '10:00', to: '10:30', createdBy: 'wang.fang' },
      f.clock.now,
      f.config.hallTimeZone,
    );

    const asOffice = (await f.staff('office', 'GET', `/api/supervision/complaints/${filed.id}`)).body;
    expect(asOffice).toMatchObject({ phone: PHONE, text: filed.text });
    for (const who of ['supervisor', 'inspector'] as const) {
      const seen = (await f.staff(who, 'GET', `/api/supervision/complaints/${filed.id}`)).body;
      expect(seen.text).toBe('窗口索要好处费，我的身份证230***********1234，电话139****4321。');
      expect(JSON.stringify(seen)).not.toContain(PHONE);
      expect(JSON.stringify(seen)).not.toContain(ID_NUMBER);
      expect(JSON.stringify((await f.staff(who, 'GET', '/api/supervision/complaints')).body)).not.toContain(ID_NUMBER);
    }

    for (const [who, body] of [
      ['office', { action: 'assign', department: '外资处' }],
      ['dept', { action: 'respond', note: `已电话${PHONE}联系投诉人核实。` }],
      ['office', { action: 'feedback', note: '已核实，窗口已整改。' }],
      ['office', { action: 'close' }],
    ] as const) expect((await f.staff(who, 'POST', `/api/supervision/complaints/${filed.id}/actions`, body)).status).toBe(200);
    expect((await f.staff('dept', 'GET', `/api/supervision/complaints/${filed.id}`)).body.response).toBe('已电话139****4321联系投诉人核实。');

    // Within the retention periods nothing goes.
    f.clock.now += 29 * DAY;
    expect(await purge()).toEqual({ complaints: 0, appointments: 0, events: 0, certificates: 0 });
    expect(await everything()).toContain(PHONE);

    // The appointment's day is 30 days behind: its phone goes; the complaint, closed 31 days ago, stays.
    f.clock.now += 2 * DAY;
    expect(await purge()).toEqual({ complaints: 0, appointments: 1, events: 0, certificates: 0 });
    expect((await f.db.selectFrom('appointments').select('phone').executeTakeFirstOrThrow()).phone).toBe('139****4321');

    f.clock.now += 150 * DAY;
    expect(await purge()).toEqual({ complaints: 1, appointments: 0, events: 1, certificates: 0 });
    const all = await everything();
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(ID_NUMBER);
    expect(all).not.toContain('索要好处费');
    expect(await purge()).toEqual({ complaints: 0, appointments: 0, events: 0, certificates: 0 });

    // What statistics and the visitor's lookup need stays: the kind, the item cited, the state, the last four digits.
    expect((await f.staff('office', 'GET', `/api/supervision/complaints/${filed.id}`)).body).toMatchObject({ text: '', phone: '139****4321', prohibition: 3, state: 'closed' });
    expect((await kiosk.call('GET', `/api/opinions/track?code=${filed.trackingCode}&last4=4321`)).body).toMatchObject({ state: 'closed' });
    expect((await kiosk.call('GET', `/api/opinions/track?code=${filed.trackingCode}&last4=0000`)).status).toBe(404);
  });
});

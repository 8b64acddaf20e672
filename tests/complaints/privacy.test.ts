import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { loggingApp } from '../../server/queue/test-support.js';
import { feedbackFixture, opinion, PASSWORD, type FeedbackFixture } from '../../server/supervision/test-support.js';
import { backends } from '../../server/test-db.js';

describe.each(backends)('a complainant’s phone on $name', (backend) => {
  let f: FeedbackFixture;
  let logged: FastifyInstance;
  let log: () => string;

  beforeAll(async () => {
    f = await feedbackFixture(backend);
    ({ app: logged, log } = await loggingApp(f));
  });
  afterAll(async () => {
    await logged?.close();
    await f?.close();
  });

  it('is whole only for the office, masked for everyone else, and never in the server log', async () => {
    const kiosk = await f.terminal('main', ['kiosk']);
    const filed = opinion({ phone: '13987654321', text: '投诉：工作人员索要好处费。', prohibition: 9 });
    const upload = JSON.stringify({ events: [{ deviceSeq: 1, eventId: ulid(), type: OPINION_EVENT, payload: filed, createdAt: new Date(f.clock.now).toISOString() }] });
    const signedCall = async (method: 'GET' | 'POST', url: string, payload?: string) => {
      const res = await logged.inject({ method, url, headers: { ...kiosk.headers(method, url, payload ?? ''), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
      return res;
    };
    expect((await signedCall('POST', '/api/sync/events', upload)).statusCode).toBe(200);
    expect((await signedCall('GET', `/api/opinions/track?code=${filed.trackingCode}&last4=4321`)).statusCode).toBe(200);
    expect((await signedCall('GET', `/api/opinions/track?code=${filed.trackingCode}&last4=0000`)).statusCode).toBe(404);

    const login = await logged.inject({ method: 'POST', url: '/api/staff/login', payload: { login: 'zhou.office', password: PASSWORD } });
    const office = { authorization: `Bearer ${login.json().token}` };
    const asOffice = await logged.inject({ method: 'GET', url: `/api/supervision/complaints/${filed.id}`, headers: office });
    expect(asOffice.json()).toMatchObject({ phone: '13987654321', phoneMasked: '139****4321' });
    for (const who of ['supervisor', 'inspector'] as const) {
      const res = await f.staff(who, 'GET', `/api/supervision/complaints/${filed.id}`);
      expect(res.body).toMatchObject({ phone: null, phoneMasked: '139****4321' });
      expect(JSON.stringify(res.body)).not.toContain('13987654321');
    }
    await f.staff('office', 'POST', `/api/supervision/complaints/${filed.id}/actions`, { action: 'assign', department: '外资处' });
    expect(JSON.stringify((await f.staff('dept', 'GET', '/api/supervision/complaints')).body)).not.toContain('13987654321');
    expect(JSON.stringify((await f.staff('supervisor', 'GET', '/api/supervision/live?after=0')).body)).not.toContain('13987654321');

    // The requests were logged, without the phone, its last four digits, the password or the token.
    expect(log()).toContain('/api/opinions/track');
    expect(log()).toContain('/api/sync/events');
    for (const secret of ['13987654321', '139****4321', 'last4', PASSWORD, login.json().token as string]) expect(log()).not.toContain(secret);
  });
});

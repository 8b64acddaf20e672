import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppointment } from '../appointments/repository.js';
import { backends } from '../test-db.js';
import { action, queueFixture, START, ticketRequest, type QueueFixture, type TestTerminal } from './test-support.js';

describe.each(backends)('ticket numbering on $name', (backend) => {
  let f: QueueFixture;
  let kiosk: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    kiosk = await f.terminal();
  });
  afterAll(async () => {
    await f?.close();
  });

  const issue = (service: string, appointmentId: string | null = null) => kiosk.call('POST', '/api/queue/tickets', ticketRequest(service, appointmentId, f.clock.now));

  it('numbers each line from 001 and tells how many wait before; the same id again is the same ticket', async () => {
    const a1 = await issue('A');
    const a2 = await issue('A');
    const b1 = await issue('B');
    expect(a1.status).toBe(200);
    expect([a1.body.ticket.number, a2.body.ticket.number, b1.body.ticket.number]).toEqual(['A001', 'A002', 'B001']);
    expect([a1.body.ahead, a2.body.ahead, b1.body.ahead]).toEqual([0, 1, 0]);
    expect(a2.body.ticket).toMatchObject({ hall: 'main', service: 'A', state: 'waiting', offline: false, callCount: 0, issuedAt: new Date(START).toISOString() });

    const req = ticketRequest('A', null, f.clock.now);
    const first = await kiosk.call('POST', '/api/queue/tickets', req);
    const again = await kiosk.call('POST', '/api/queue/tickets', req);
    expect(again.body).toEqual(first.body);
    expect(first.body.ticket.number).toBe('A003');
    expect((await issue('A')).body.ticket.number).toBe('A004');
  });

  it('the same id sent many times at once is numbered once', async () => {
    const req = ticketRequest('D', null, f.clock.now);
    const answers = await Promise.all(Array.from({ length: 6 }, () => kiosk.call('POST', '/api/queue/tickets', req)));
    expect(new Set(answers.map((a) => a.body.ticket.number))).toEqual(new Set(['D001']));
    expect((await issue('D')).body.ticket.number).toBe('D002');
  });

  it('refuses a line the hall does not have', async () => {
    const res = await issue('Z');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('UNKNOWN_SERVICE');
  });

  it("starts again at 001 after midnight in the hall's time zone, not UTC's", async () => {
    f.clock.now = Date.parse('2026-03-02T15:59:00Z'); // 23:59 in Shanghai
    expect((await issue('E')).body.ticket.number).toBe('E001');
    f.clock.now = Date.parse('2026-03-02T16:01:00Z'); // 00:01 on 3 March in Shanghai, still 2 March in UTC
    expect((await issue('E')).body.ticket.number).toBe('E001');
    expect((await issue('E')).body.ticket.number).toBe('E002');
    const state = await kiosk.call('GET', '/api/queue/state');
    expect(state.body.tickets.map((t: { number: string }) => t.number)).toEqual(['E001', 'E002']);
  });

  it('an appointment ticket goes before the walk-ins of its line and checks the appointment in', async () => {
    f.clock.now = Date.parse('2026-03-04T01:00:00Z');
    await issue('C');
    await issue('C');
    const appt = await createAppointment(
      f.db,
      'main',
      { enterprise: '龙江对外贸易有限公司', contactPhone: '13812345678', matter: '单用途商业预付卡备案', procedureCode: 'MC-01', service: 'C', date: '2026-03-04', from: '09:00', to: '09:30', createdBy: 'li.na' },
      f.clock.now,
      f.config.hallTimeZone,
    );
    const res = await issue('C', appt.id);
    expect(res.body).toMatchObject({ ahead: 0, ticket: { number: 'C003', appointmentId: appt.id, enterprise: '龙江对外贸易有限公司' } });
    const list = await (await kiosk.asClerk('li.na', 2)).call('GET', '/api/appointments?date=2026-03-04');
    expect(list.body.appointments).toMatchObject([{ id: appt.id, state: 'checked-in', ticketId: res.body.ticket.id }]);

    const counter = await f.terminal();
    const next = await counter.call('POST', '/api/queue/actions', action({ action: 'call-next', services: ['C'] }));
    expect(next.body.ticket.number).toBe('C003');
  });
});

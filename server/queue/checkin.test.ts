import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueHallEvent, Ticket } from '../../core/contract/index.js';
import { hallDay } from '../../core/common/hall-time.js';
import { cancelAppointment, createAppointment } from '../appointments/repository.js';
import { backends } from '../test-db.js';
import { action, offlineTicket, outbox, queueFixture, ticketRequest, until, type QueueFixture, type TestTerminal } from './test-support.js';

/** Issue 10, finding 3: one appointment, one ticket, whether the kiosks were online or not. */
describe.each(backends)('one check-in per appointment on $name', (backend) => {
  let f: QueueFixture;
  let url: string;
  let kiosk: TestTerminal;
  let day = Date.parse('2026-03-10T01:00:00Z'); // 09:00 in Shanghai
  beforeAll(async () => {
    f = await queueFixture(backend);
    url = await f.app.listen({ host: '127.0.0.1', port: 0 });
    kiosk = await f.terminal();
  });
  afterAll(async () => {
    await f?.close();
  });
  // Each test on a day of its own, so its numbers start at 001.
  beforeEach(() => {
    day += 86_400_000;
    f.clock.now = day;
  });

  const book = () =>
    createAppointment(
      f.db,
      'main',
      { enterprise: '龙江对外贸易有限公司', contactPhone: '13812345678', matter: '对外贸易经营者备案', procedureCode: null, service: 'C', date: hallDay(f.clock.now, f.config.hallTimeZone), from: '09:00', to: '09:30', createdBy: 'li.na' },
      f.clock.now,
      f.config.hallTimeZone,
    );
  const issueAt = async (minute: number, appointmentId: string | null = null) => {
    f.clock.now = day + minute * 60_000;
    return kiosk.call('POST', '/api/queue/tickets', ticketRequest('C', appointmentId, f.clock.now));
  };
  const appointment = (id: string) => f.db.selectFrom('appointments').select(['state', 'ticket_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const waitingOrder = async () =>
    ((await kiosk.call('GET', '/api/queue/state')).body.tickets as Ticket[]).filter((t) => t.state === 'waiting').map((t) => [t.number, t.appointmentFlag]);

  it('two kiosks checking one appointment in at the same moment give one ticket; the others hear it is done', async () => {
    const appt = await book();
    const kiosks = [kiosk, await f.terminal(), await f.terminal(), await f.terminal()];
    const answers = await Promise.all(kiosks.map((k) => k.call('POST', '/api/queue/tickets', ticketRequest('C', appt.id, f.clock.now))));
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(Array(3).fill('APPOINTMENT_CHECKED_IN'));
    expect(await f.db.selectFrom('tickets').select('number').where('appointment_id', '=', appt.id).execute()).toEqual([{ number: 'C001' }]);
    expect(await appointment(appt.id)).toEqual({ state: 'checked-in', ticket_id: ok[0]!.body.ticket.id });
    // The refused ones took no number.
    expect((await issueAt(1)).body.ticket.number).toBe('C002');
    // And the same code again later is refused too.
    expect((await issueAt(2, appt.id)).body.error.code).toBe('APPOINTMENT_CHECKED_IN');
  });

  it('an offline check-in of an appointment checked in elsewhere is kept, flagged and not promoted; the hall is told', async () => {
    const appt = await book();
    await issueAt(0); // C001, a walk-in
    const first = (await issueAt(2, appt.id)).body.ticket as Ticket; // C002, checked in online
    await issueAt(5); // C003
    const board = await (await f.terminal('main', ['hall'])).live(url);
    const box = outbox(await f.terminal());
    const twice = { ...offlineTicket('T9', 1, 'C', day + 60_000), appointmentId: appt.id, enterprise: appt.enterprise };
    box.add('queue.ticket-issued', twice);
    box.add('appointment.checked-in', { appointmentId: appt.id, ticketId: twice.id, at: twice.issuedAt });
    try {
      expect((await box.upload()).body).toEqual({ ackedThrough: 2, refused: [] });
      const pushed = () => board.messages.filter((m) => m.type === 'hall').map((m) => m.event as QueueHallEvent);
      await until('the flagged ticket is pushed', () => pushed().length > 0);
      expect(pushed()).toEqual([{ kind: 'ticket', ticket: { ...twice, appointmentFlag: 'checked-in-twice' } }]);
    } finally {
      board.close();
    }
    expect(await appointment(appt.id)).toEqual({ state: 'checked-in', ticket_id: first.id });
    // The appointment's own ticket first, then by issue time: the flagged one is not promoted.
    expect(await waitingOrder()).toEqual([
      ['C002', null],
      ['C001', null],
      ['T9-C001', 'checked-in-twice'],
      ['C003', null],
    ]);
    const counter = await f.terminal();
    expect((await counter.call('POST', '/api/queue/actions', action({ action: 'call-next', services: ['C'] }, f.clock.now))).body.ticket.number).toBe('C002');
  });

  it('an offline check-in of an appointment cancelled meanwhile is kept and flagged cancelled; the appointment stays cancelled', async () => {
    const appt = await book();
    await cancelAppointment(f.db, 'main', appt.id, { requestId: appt.id, reason: '企业改约', cancelledBy: 'li.na' }, f.clock.now);
    await issueAt(3);
    const box = outbox(await f.terminal());
    const cancelled = { ...offlineTicket('T9', 1, 'C', day + 4 * 60_000), appointmentId: appt.id, enterprise: appt.enterprise };
    box.add('queue.ticket-issued', cancelled);
    box.add('appointment.checked-in', { appointmentId: appt.id, ticketId: cancelled.id, at: cancelled.issuedAt });
    await box.upload();
    expect(await appointment(appt.id)).toEqual({ state: 'cancelled', ticket_id: null });
    expect(await waitingOrder()).toEqual([
      ['C001', null],
      ['T9-C001', 'cancelled'],
    ]);
  });

  it('a check-in that reaches the server apart from its ticket flags the ticket all the same', async () => {
    const appt = await book();
    const box = outbox(await f.terminal());
    // An offline ticket the server already holds without its appointment check-in (uploaded before this rule).
    const late = { ...offlineTicket('T9', 1, 'C', day), appointmentId: appt.id, enterprise: appt.enterprise };
    const first = (await issueAt(1, appt.id)).body.ticket as Ticket;
    await f.db.insertInto('tickets').values({ id: late.id, hall: 'main', day: hallDay(day, f.config.hallTimeZone), number: late.number, service: 'C', issued_service: 'C', state: 'waiting', appointment_id: appt.id, enterprise: null, issued_at: new Date(day), offline: true, counter_no: null, called_at: null, called_by: null, finished_at: null, terminal_id: null, received_at: new Date(day) }).execute();
    box.add('appointment.checked-in', { appointmentId: appt.id, ticketId: late.id, at: late.issuedAt });
    await box.upload();
    expect(await appointment(appt.id)).toEqual({ state: 'checked-in', ticket_id: first.id });
    expect(await waitingOrder()).toEqual([
      ['C001', null],
      ['T9-C001', 'checked-in-twice'],
    ]);
  });
});

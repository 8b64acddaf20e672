import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/contract/index.js';
import { getTicket } from '../../core/queue/tickets.js';
import { createAppointment } from '../../server/appointments/repository.js';
import { backends } from '../../server/test-db.js';
import { startHall, type HallTerminal } from './hall-harness.js';

/**
 * Issue 10, finding 3, with real kiosks and a real counter: check-in is once per appointment. Online
 * the second kiosk is refused; offline it prints the ticket, and once uploaded the ticket is flagged
 * to the clerk ("checked in twice" or "cancelled") and not promoted.
 */
const at = (hm: string) => Date.parse(`2026-03-06T${hm}:00+08:00`);

describe.each(backends)('check-in once across kiosks, server on $name', (backend) => {
  let hall: Awaited<ReturnType<typeof startHall>>;
  let k1: HallTerminal;
  let k2: HallTerminal;
  let counter: HallTerminal;
  let token: string;
  beforeAll(async () => {
    hall = await startHall(backend, at('09:00'));
    [k1, k2, counter] = [await hall.terminal(['kiosk']), await hall.terminal(['kiosk']), await hall.terminal(['counter'])];
    token = await counter.signIn('wang.fang', 1);
  });
  afterAll(() => hall?.close());

  const book = async () => {
    const appt = await createAppointment(
      hall.f.db,
      'main',
      { enterprise: '哈尔滨拍卖行有限公司', contactPhone: '13900001111', matter: '拍卖业务许可', procedureCode: null, service: 'A', date: '2026-03-06', from: '09:00', to: '12:00', createdBy: 'li.na' },
      hall.f.clock.now,
      hall.f.config.hallTimeZone,
    );
    for (const t of [k1, k2, counter]) await t.sync();
    return appt;
  };
  /** A booked appointment, the second kiosk cut off, and a walk-in issued at the first a minute later. */
  const offlineKioskAndWalkIn = async () => {
    const appt = await book();
    k2.cut();
    tick();
    return { appt, walkIn: (await k1.call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' })).json.ticket.number as string };
  };
  const checkIn = (k: HallTerminal, code: string) => k.call('POST', '/api/checkin', { by: 'code', code, last4: '1111', lang: 'zh-CN', print: true });
  const tick = (min = 1) => (hall.f.clock.now += min * 60_000);
  const waitingA = async (): Promise<Ticket[]> => (await counter.call('GET', '/api/counter/queue', undefined, token)).json.lines.find((l: { code: string }) => l.code === 'A').waiting;

  it('the same code at two kiosks at the same moment gives one ticket; the other kiosk says it is checked in', async () => {
    const appt = await book();
    const answers = await Promise.all([checkIn(k1, appt.code), checkIn(k2, appt.code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error.code).toBe('ALREADY_CHECKED_IN');
    expect(await hall.f.db.selectFrom('tickets').select('number').where('appointment_id', '=', appt.id).execute()).toHaveLength(1);
    await counter.sync();
    expect((await waitingA()).map((t) => t.number)).toEqual([answers.find((a) => a.status === 200)!.json.ticket.number]);
    await counter.call('POST', '/api/counter/actions', { action: 'call-next' }, token);
    await counter.call('POST', '/api/counter/actions', { action: 'finish' }, token);
  });

  it('offline, a kiosk prints a ticket for an appointment checked in elsewhere; the clerk sees it flagged, behind earlier walk-ins', async () => {
    const { appt, walkIn } = await offlineKioskAndWalkIn();
    tick();
    const first = (await checkIn(k1, appt.code)).json.ticket;
    tick();
    const again = await checkIn(k2, appt.code);
    expect(again.status).toBe(200);
    expect(again.json.ticket).toMatchObject({ offline: true, appointmentId: appt.id });

    k2.restore();
    await k2.sync();
    await counter.sync();
    const waiting = await waitingA();
    expect(waiting.map((t) => [t.number, t.appointmentFlag])).toEqual([
      [first.number, null],
      [walkIn, null],
      [again.json.ticket.number, 'checked-in-twice'],
    ]);
    // The kiosk that printed it learns the flag too.
    expect(getTicket(k2.db, again.json.ticket.id)?.appointmentFlag).toBe('checked-in-twice');
    for (const t of waiting) {
      expect((await counter.call('POST', '/api/counter/actions', { action: 'call-next' }, token)).json.ticket.number).toBe(t.number);
      await counter.call('POST', '/api/counter/actions', { action: 'finish' }, token);
    }
  });

  it('offline, a kiosk prints a ticket for an appointment cancelled meanwhile; the clerk sees it flagged cancelled, not first', async () => {
    const { appt, walkIn } = await offlineKioskAndWalkIn();
    const cancel = await counter.call('POST', `/api/counter/appointments/${appt.id}/cancel`, { requestId: appt.id, reason: null }, token);
    expect(cancel.json.state).toBe('cancelled');
    tick();
    const offline = await checkIn(k2, appt.code);
    expect(offline.status).toBe(200);

    k2.restore();
    await k2.sync();
    await counter.sync();
    expect((await waitingA()).map((t) => [t.number, t.appointmentFlag])).toEqual([
      [walkIn, null],
      [offline.json.ticket.number, 'cancelled'],
    ]);
    expect((await counter.call('POST', '/api/counter/actions', { action: 'call-next' }, token)).json.ticket.number).toBe(walkIn);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueAction, Ticket } from '../../core/contract/index.js';
import { createAppointment } from '../appointments/repository.js';
import { changesAfter } from '../sync/changes.js';
import { backends } from '../test-db.js';
import { action, offlineTicket, outbox, queueFixture, START, ticketRequest, type QueueFixture, type TestTerminal } from './test-support.js';

describe.each(backends)('queue events uploaded by terminals on $name', (backend) => {
  let f: QueueFixture;
  let kiosk: TestTerminal;
  let counter: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend, { catalog: true });
    kiosk = await f.terminal();
    counter = await f.terminal();
  });
  afterAll(async () => {
    await f?.close();
  });

  const ticket = (id: string) => f.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const actions = (id: string) => f.db.selectFrom('queue_actions').select(['action_id', 'outcome', 'source']).where('action_id', '=', id).execute();

  it('offline tickets and calls are applied once, even when uploaded twice', async () => {
    const box = outbox(kiosk);
    const t1 = offlineTicket('T9', 1);
    const t2 = offlineTicket('T9', 2);
    box.add('queue.ticket-issued', t1);
    box.add('queue.ticket-issued', t2);
    const call: QueueAction = action({ action: 'call', ticketId: t1.id, counterNo: 2 });
    box.add('queue.action', call);
    expect((await box.upload()).body).toEqual({ ackedThrough: 3, refused: [] });
    expect((await box.upload()).body).toEqual({ ackedThrough: 3, refused: [] });

    expect(await ticket(t1.id)).toMatchObject({ number: 'T9-A001', offline: true, state: 'called', counter_no: 2, call_count: 1 });
    expect(await ticket(t2.id)).toMatchObject({ number: 'T9-A002', state: 'waiting' });
    expect(await actions(call.actionId)).toEqual([{ action_id: call.actionId, outcome: 'applied', source: 'event' }]);
    // The offline ticket is in the hall's live queue; server numbers go on from 001.
    const state = (await counter.call('GET', '/api/queue/state')).body;
    expect(state.tickets.map((t: Ticket) => t.number)).toEqual(['T9-A001', 'T9-A002']);
    expect((await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A'))).body.ticket.number).toBe('A001');
  });

  it('events stored past a gap are applied once: not again when the whole run is sent after the gap fills', async () => {
    const box = outbox(await f.terminal());
    const t = offlineTicket('T8', 1, 'D');
    const call = action({ action: 'call', ticketId: t.id, counterNo: 5 });
    box.add('rating.given', { level: 5 });
    box.add('queue.ticket-issued', t);
    box.add('queue.action', call);
    expect((await box.upload(1)).body).toEqual({ ackedThrough: 0, refused: [] });
    expect(await ticket(t.id)).toMatchObject({ state: 'called', call_count: 1 });
    expect((await box.upload()).body).toEqual({ ackedThrough: 3, refused: [] });
    expect(await ticket(t.id)).toMatchObject({ state: 'called', call_count: 1, counter_no: 5 });
  });

  it('an offline call of a ticket another counter called online is recorded and changes nothing', async () => {
    const online = (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('B'))).body.ticket as Ticket;
    expect((await counter.call('POST', '/api/queue/actions', action({ action: 'call', ticketId: online.id, counterNo: 1 }))).status).toBe(200);
    const before = await ticket(online.id);

    const offlineCounter = await f.terminal();
    const box = outbox(offlineCounter);
    const late = action({ action: 'call', number: online.number, counterNo: 4, staff: 'li.na', staffNumber: 'S-102' });
    box.add('queue.action', late);
    expect((await box.upload()).body).toEqual({ ackedThrough: 1, refused: [] });
    expect(await ticket(online.id)).toEqual(before);
    expect(await actions(late.actionId)).toEqual([{ action_id: late.actionId, outcome: 'conflict', source: 'event' }]);
  });

  it('events of what was already done through the API change nothing', async () => {
    const req = ticketRequest('C');
    const issued = (await kiosk.call('POST', '/api/queue/tickets', req)).body.ticket as Ticket;
    const call = action({ action: 'call', ticketId: issued.id, counterNo: 3 });
    const called = (await counter.call('POST', '/api/queue/actions', call)).body.ticket as Ticket;
    const before = await ticket(issued.id);

    // Its outbox holds the same facts: the issued ticket (the server's number) and the call, sent twice.
    const box = outbox(await f.terminal());
    box.add('queue.ticket-issued', issued);
    box.add('queue.action', call);
    box.add('queue.action', call);
    expect((await box.upload()).body).toEqual({ ackedThrough: 3, refused: [] });
    expect(await ticket(issued.id)).toEqual(before);
    expect(called.callCount).toBe(1);
    expect(await actions(call.actionId)).toEqual([{ action_id: call.actionId, outcome: 'applied', source: 'api' }]);
  });

  it('a ticket the server numbered but whose answer was lost takes the number the kiosk printed, unless already called', async () => {
    const lost = (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('E'))).body.ticket as Ticket;
    const calledMeanwhile = (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('E'))).body.ticket as Ticket;
    await counter.call('POST', '/api/queue/actions', action({ action: 'call', ticketId: calledMeanwhile.id, counterNo: 6 }));
    const box = outbox(await f.terminal());
    box.add('queue.ticket-issued', { ...offlineTicket('T9', 7, 'E'), id: lost.id });
    box.add('queue.ticket-issued', { ...offlineTicket('T9', 8, 'E'), id: calledMeanwhile.id });
    expect((await box.upload()).body).toEqual({ ackedThrough: 2, refused: [] });
    expect(await ticket(lost.id)).toMatchObject({ number: 'T9-E007', offline: true, state: 'waiting' });
    expect(await ticket(calledMeanwhile.id)).toMatchObject({ number: calledMeanwhile.number, offline: false, state: 'called' });
  });

  it('a check-in at a kiosk marks the appointment checked in and sends it to the terminals', async () => {
    const appt = await createAppointment(
      f.db,
      'main',
      { enterprise: '哈尔滨拍卖行有限公司', contactPhone: '13900001111', matter: '拍卖业务许可', procedureCode: 'AF-01', service: 'C', date: '2026-03-02', from: '10:00', to: '10:30', createdBy: 'wang.fang' },
      f.clock.now,
      f.config.hallTimeZone,
    );
    const t = { ...offlineTicket('T9', 3, 'C'), appointmentId: appt.id, enterprise: appt.enterprise };
    const kioskAgain = await f.terminal();
    const box = outbox(kioskAgain);
    box.add('queue.ticket-issued', t);
    box.add('appointment.checked-in', { appointmentId: appt.id, ticketId: t.id, at: new Date(START).toISOString() });
    expect((await box.upload()).body).toEqual({ ackedThrough: 2, refused: [] });
    expect((await box.upload()).body).toEqual({ ackedThrough: 2, refused: [] });

    const page = await changesAfter(f.db, 0, 500);
    const changes = 'changes' in page ? page.changes.filter((c) => c.entity === 'appointment' && c.key === appt.id) : [];
    expect(changes.map((c) => (c.data as { state: string }).state)).toEqual(['booked', 'checked-in']);
    expect(changes[1]!.data).toMatchObject({ ticketId: t.id, phoneMasked: '139****1111' });
  });

  it('a queue event with a broken payload is stored and acknowledged but changes nothing', async () => {
    const box = outbox(await f.terminal());
    box.add('queue.ticket-issued', { id: 'not-a-ulid' });
    box.add('queue.action', { action: 'explode' });
    expect((await box.upload()).body).toEqual({ ackedThrough: 2, refused: [] });
  });
});

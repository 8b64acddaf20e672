import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ERROR_MESSAGES, serverApi, TERMINAL_ROLES, type ServerRouteDef } from '../../core/contract/index.js';
import { hallDay } from '../../core/common/hall-time.js';
import { createAppointment } from '../appointments/repository.js';
import { action, queueFixture, ticketRequest, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { backends } from '../test-db.js';

/** Issue 11, section 2: a hall TV's key (roles `hall`) reaches only what a hall TV does. */
describe.each(backends)('terminal roles checked by the server on $name', (backend) => {
  let f: QueueFixture;
  let tv: TestTerminal;
  let counter: TestTerminal;
  let kiosk: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend);
    tv = await f.terminal('main', ['hall']);
    // The counter's staff routes also need a clerk's counter session (the session's clerk is recorded).
    counter = await (await f.terminal('main', ['counter'])).asClerk('wang.fang', 1);
    kiosk = await f.terminal('main', ['kiosk']);
  });
  afterAll(async () => {
    await f?.close();
  });

  const today = () => hallDay(f.clock.now, f.config.hallTimeZone);
  const booking = (createdBy: string) => ({
    enterprise: '华夏进出口有限公司',
    contactPhone: '13812345678',
    matter: '对外贸易经营者备案',
    procedureCode: null,
    service: 'C',
    date: today(),
    from: '10:00',
    to: '10:30',
    createdBy,
  });
  const appointments = () => f.db.selectFrom('appointments').select(['id', 'state', 'created_by']).orderBy('id').execute();
  const refusedAsTerminalRole = (res: { status: number; body: any }) => {
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'TERMINAL_ROLE_FORBIDDEN', message: SERVER_ERROR_MESSAGES['zh-CN'].TERMINAL_ROLE_FORBIDDEN } });
  };

  it("the hall TV cannot list the hall's appointments; the counter can", async () => {
    await createAppointment(f.db, 'main', booking('li.na'), f.clock.now, f.config.hallTimeZone);
    refusedAsTerminalRole(await tv.call('GET', `/api/appointments?date=${today()}`));
    const listed = await counter.call('GET', `/api/appointments?date=${today()}`);
    expect(listed.status).toBe(200);
    expect(listed.body.appointments.map((a: { enterprise: string }) => a.enterprise)).toContain('华夏进出口有限公司');
  });

  it('the hall TV cannot book in a clerk\'s name, nor can a kiosk; nothing is stored; the counter books', async () => {
    const before = await appointments();
    refusedAsTerminalRole(await tv.call('POST', '/api/appointments', booking('wang.fang')));
    refusedAsTerminalRole(await kiosk.call('POST', '/api/appointments', booking('wang.fang')));
    expect(await appointments()).toEqual(before);
    const booked = await counter.call('POST', '/api/appointments', booking('wang.fang'));
    expect(booked.status).toBe(200);
    expect(await appointments()).toHaveLength(before.length + 1);
  });

  it('the hall TV cannot cancel an appointment; it stays booked; the counter cancels it', async () => {
    const appt = await createAppointment(f.db, 'main', booking('li.na'), f.clock.now, f.config.hallTimeZone);
    const cancel = { requestId: ticketRequest('C').id, cancelledBy: 'li.na', reason: null };
    refusedAsTerminalRole(await tv.call('POST', `/api/appointments/${appt.id}/cancel`, cancel));
    expect((await appointments()).find((a) => a.id === appt.id)?.state).toBe('booked');
    const done = await counter.call('POST', `/api/appointments/${appt.id}/cancel`, cancel);
    expect(done.status).toBe(200);
    expect((await appointments()).find((a) => a.id === appt.id)?.state).toBe('cancelled');
  });

  it('the hall TV cannot call a ticket or sign a clerk in; the ticket keeps waiting; the counter calls it', async () => {
    const issued = await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now));
    expect(issued.status).toBe(200);
    refusedAsTerminalRole(await tv.call('POST', '/api/queue/tickets', ticketRequest('A', null, f.clock.now)));
    refusedAsTerminalRole(await tv.call('POST', '/api/queue/actions', action({ action: 'call-next', services: ['A'] }, f.clock.now)));
    const presenceBefore = await f.db.selectFrom('counter_presence').selectAll().execute();
    refusedAsTerminalRole(await tv.call('POST', '/api/queue/presence', { counterNo: 2, staff: 'li.na', state: 'in' }));
    const row = () => f.db.selectFrom('tickets').select(['state', 'counter_no']).where('id', '=', issued.body.ticket.id).executeTakeFirstOrThrow();
    expect(await row()).toEqual({ state: 'waiting', counter_no: null });
    expect(await f.db.selectFrom('counter_presence').selectAll().execute()).toEqual(presenceBefore);
    // It still reads the board, uploads and heartbeats like every terminal.
    expect((await tv.call('GET', '/api/queue/state')).status).toBe(200);
    expect((await tv.call('GET', '/api/terminal/me')).status).toBe(200);
    const called = await counter.call('POST', '/api/queue/actions', action({ action: 'call-next', services: ['A'] }, f.clock.now));
    expect(called.status).toBe(200);
    expect(await row()).toEqual({ state: 'called', counter_no: 1 });
  });

  it('the refusal is translated and comes before the input is checked: a body that fits no schema is 403, not 400', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/queue/actions',
      headers: { ...tv.headers('POST', '/api/queue/actions', '{}'), 'content-type': 'application/json', 'accept-language': 'ru' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe(SERVER_ERROR_MESSAGES.ru.TERMINAL_ROLE_FORBIDDEN);
  });
});

describe('the route table', () => {
  it('names the terminal roles of every signed route, and only of signed routes', () => {
    for (const [name, route] of Object.entries(serverApi as Record<string, ServerRouteDef>)) {
      const roles: readonly string[] | undefined = route.terminalRoles;
      if (route.signed) expect(roles?.length, name).toBeGreaterThan(0);
      else expect(roles, name).toBeUndefined();
      for (const r of roles ?? []) expect(TERMINAL_ROLES, name).toContain(r);
    }
  });
});

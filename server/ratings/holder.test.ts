import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_EVENTS } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { action, offlineTicket, outbox, queueFixture, ticketRequest, type QueueFixture, type TestTerminal } from '../queue/test-support.js';

// The central server keeps each ticket's rating code and checks it for kiosks only; the code never
// leaves with a ticket. Failed checks are limited per terminal, in the database.

describe.each(backends)('the rating code check on $name', (backend) => {
  let f: QueueFixture;
  let kiosk: TestTerminal;
  let counter: TestTerminal;
  let tv: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend);
    kiosk = await f.terminal('main', ['kiosk']);
    counter = await f.terminal('main', ['counter']);
    tv = await f.terminal('main', ['hall']);
  });
  afterAll(async () => {
    await f?.close();
  });
  const check = (t: TestTerminal, body: object) => t.call('POST', '/api/rating/holder', body);

  it('stores the kiosk’s code with the ticket, answers it to that kiosk only, and sends it in no ticket or queue state', async () => {
    const issued = await kiosk.call('POST', '/api/queue/tickets', { ...ticketRequest('A', null, f.clock.now), ratingCode: 'K7M3P' });
    expect(issued.body).toMatchObject({ ticket: { number: 'A001' }, ratingCode: 'K7M3P' });
    expect(JSON.stringify(issued.body.ticket)).not.toContain('K7M3P');
    const state = await counter.call('GET', '/api/queue/state');
    expect(state.body.tickets.map((t: { number: string }) => t.number)).toContain('A001');
    expect(JSON.stringify(state.body)).not.toContain('K7M3P');
    const called = await counter.call('POST', '/api/queue/actions', action({ action: 'call', number: 'A001' }));
    expect(JSON.stringify(called.body)).not.toContain('K7M3P');
  });

  it('a kiosk that sent no code gets one the server made', async () => {
    const issued = await kiosk.call('POST', '/api/queue/tickets', ticketRequest('B', null, f.clock.now));
    expect(issued.body.ratingCode).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{5}$/);
    expect((await check(kiosk, { number: issued.body.ticket.number, code: issued.body.ratingCode })).status).toBe(200);
  });

  it('answers the ticket for its number or id with the right code, and one refusal for a wrong code, an unknown number or no ticket at all', async () => {
    const ok = await check(kiosk, { number: 'A001', code: 'K7M3P' });
    expect(ok).toMatchObject({ status: 200, body: { ticket: { number: 'A001', state: 'called', counterNo: 1 } } });
    expect((await check(kiosk, { ticketId: ok.body.ticket.id, code: 'k7m3p' })).status).toBe(200);
    const wrong = await check(kiosk, { number: 'A001', code: 'K7M3A' });
    const unknown = await check(kiosk, { number: 'A099', code: 'K7M3P' });
    const none = await check(kiosk, { code: 'K7M3P' });
    expect(wrong).toEqual({ status: 403, body: unknown.body });
    expect(none.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('TICKET_PROOF_FAILED');
  });

  it('refuses counters and hall TVs, whatever they send', async () => {
    for (const t of [counter, tv]) {
      const res = await check(t, { number: 'A001', code: 'K7M3P' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('TERMINAL_ROLE_FORBIDDEN');
    }
  });

  it('learns the code of a ticket issued offline from its outbox event', async () => {
    const box = outbox(kiosk);
    const t = offlineTicket('T9', 1, 'A', f.clock.now);
    box.add(QUEUE_EVENTS.ticketIssued, { ...t, ratingCode: 'HJ47X' });
    expect((await box.upload()).status).toBe(200);
    expect((await check(kiosk, { number: t.number, code: 'HJ47X' })).body.ticket).toMatchObject({ id: t.id, number: 'T9-A001' });
  });

  it('after five failed checks a kiosk gets none for ten minutes, the right code included; another kiosk still may', async () => {
    const guesser = await f.terminal('main', ['kiosk']);
    for (let i = 0; i < 5; i++) expect((await check(guesser, { number: 'A001', code: `AAAA${'CDEFH'[i]}` })).body.error.code).toBe('TICKET_PROOF_FAILED');
    const locked = await check(guesser, { number: 'A001', code: 'K7M3P' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await check(kiosk, { number: 'A001', code: 'K7M3P' })).status).toBe(200);
    f.clock.now += 10 * 60_000 + 1_000;
    expect((await check(guesser, { number: 'A001', code: 'K7M3P' })).status).toBe(200);
  });
});

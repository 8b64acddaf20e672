import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage, QueueHallEvent } from '../../core/contract/index.js';
import { backends } from '../test-db.js';
import { action, queueFixture, START, ticketRequest, until, type QueueFixture, type TestTerminal } from './test-support.js';

const hallEvents = (messages: LiveMessage[]) => messages.filter((m) => m.type === 'hall').map((m) => m.event as QueueHallEvent);

describe.each(backends)("live pushes to a hall's terminals on $name", (backend) => {
  let f: QueueFixture;
  let url: string;
  let kiosk: TestTerminal;
  beforeAll(async () => {
    f = await queueFixture(backend);
    url = await f.app.listen({ host: '127.0.0.1', port: 0 });
    kiosk = await f.terminal();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('a hall screen sees a ticket issued, called and a clerk signing in at once; another hall sees none of it', async () => {
    const board = await (await f.terminal('main', ['hall'])).live(url);
    const elsewhere = await (await f.terminal('east', ['hall'])).live(url);
    try {
      const issued = (await kiosk.call('POST', '/api/queue/tickets', ticketRequest('A'))).body.ticket;
      await until('the issued ticket is pushed', () => hallEvents(board.messages).length === 1);
      expect(hallEvents(board.messages)[0]).toEqual({ kind: 'ticket', ticket: issued });

      const counter = await f.terminal();
      await counter.call('POST', '/api/queue/presence', { counterNo: 2, staff: 'li.na', state: 'in' });
      const called = (await counter.call('POST', '/api/queue/actions', action({ action: 'call-next', services: ['A'], counterNo: 2, staff: 'li.na', staffNumber: 'S-102' }))).body.ticket;
      await until('the presence and the call are pushed', () => hallEvents(board.messages).length === 3);
      expect(hallEvents(board.messages).slice(1)).toEqual([
        { kind: 'presence', presence: { counterNo: 2, staff: 'li.na', staffName: '李娜', staffNumber: 'S-102', state: 'in', since: new Date(f.clock.now).toISOString() } },
        { kind: 'ticket', ticket: { ...called, state: 'called', counterNo: 2, calledBy: 'S-102' } },
      ]);
      expect(hallEvents(elsewhere.messages)).toEqual([]);
    } finally {
      board.close();
      elsewhere.close();
    }
  });

  it('an offline ticket uploaded by a kiosk is pushed once, not again when re-sent', async () => {
    const board = await (await f.terminal('main', ['hall'])).live(url);
    try {
      const offline = { ...ticketRequest('B'), hall: 'main', number: 'T7-B001', state: 'waiting', enterprise: null, offline: true, counterNo: null, calledAt: null, calledBy: null, callCount: 0, finishedAt: null };
      const upload = { events: [{ deviceSeq: 1, eventId: ulid(), type: 'queue.ticket-issued', payload: offline, createdAt: new Date(START).toISOString() }], skipped: [] };
      const uploader = await f.terminal();
      await uploader.call('POST', '/api/sync/events', upload);
      await until('the offline ticket is pushed', () => hallEvents(board.messages).length === 1);
      await uploader.call('POST', '/api/sync/events', upload);
      // A marker after the re-send: once it arrives, anything the re-send pushed would have too.
      await kiosk.call('POST', '/api/queue/tickets', ticketRequest('E'));
      await until('the marker is pushed', () => hallEvents(board.messages).length >= 2);
      expect(hallEvents(board.messages).map((e) => e.kind === 'ticket' && e.ticket.number)).toEqual(['T7-B001', 'E001']);
    } finally {
      board.close();
    }
  });
});

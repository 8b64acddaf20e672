import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { UploadEvent } from '../../core/contract/index.js';
import { backends, type TestDb } from '../test-db.js';
import { createTerminal } from '../terminals/repository.js';
import { storeEvents } from './repository.js';

const ev = (deviceSeq: number, payload: unknown = { n: deviceSeq }): UploadEvent => ({
  deviceSeq,
  eventId: ulid(),
  type: 'ticket.issued',
  payload: payload as UploadEvent['payload'],
  createdAt: new Date().toISOString(),
});

describe.each(backends)('uploaded events are stored once and acknowledged cumulatively on $name', (backend) => {
  let server: TestDb;
  beforeAll(async () => {
    server = await backend.open();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function terminal(): Promise<string> {
    return (await createTerminal(server.db, { name: 'K', hall: 'main', roles: ['kiosk'] }, Date.now(), 60_000)).terminal.id;
  }
  async function seqs(terminalId: string): Promise<number[]> {
    const rows = await server.db.selectFrom('events').select('device_seq').where('terminal_id', '=', terminalId).orderBy('device_seq').execute();
    return rows.map((r) => Number(r.device_seq));
  }

  it('a re-sent batch stores nothing twice and answers the same acknowledgement', async () => {
    const t = await terminal();
    const batch = [ev(1), ev(2), ev(3)];
    expect((await storeEvents(server.db, t, { events: batch, skipped: [] }, Date.now())).ackedThrough).toBe(3);
    expect((await storeEvents(server.db, t, { events: batch, skipped: [] }, Date.now())).ackedThrough).toBe(3);
    expect(await seqs(t)).toEqual([1, 2, 3]);
  });

  it('an event past a gap is kept but not acknowledged until the gap is filled', async () => {
    const t = await terminal();
    const [e1, e2, e3, e4, e5] = [1, 2, 3, 4, 5].map((n) => ev(n));
    expect((await storeEvents(server.db, t, { events: [e1!, e2!], skipped: [] }, Date.now())).ackedThrough).toBe(2);
    expect((await storeEvents(server.db, t, { events: [e4!, e5!], skipped: [] }, Date.now())).ackedThrough).toBe(2);
    expect(await seqs(t)).toEqual([1, 2, 4, 5]);
    expect((await storeEvents(server.db, t, { events: [e3!], skipped: [] }, Date.now())).ackedThrough).toBe(5);
  });

  it('a seq the terminal dead-lettered does not hold the acknowledgement back', async () => {
    const t = await terminal();
    expect((await storeEvents(server.db, t, { events: [ev(1), ev(3)], skipped: [2] }, Date.now())).ackedThrough).toBe(3);
    expect(await seqs(t)).toEqual([1, 3]);
  });

  it('payloads come back as sent and terminals do not share seqs', async () => {
    const [a, b] = [await terminal(), await terminal()];
    await storeEvents(server.db, a, { events: [ev(1, { who: '张三', n: [1, 2] })], skipped: [] }, Date.now());
    await storeEvents(server.db, b, { events: [ev(1, null)], skipped: [] }, Date.now());
    const row = await server.db.selectFrom('events').select('payload').where('terminal_id', '=', a).executeTakeFirstOrThrow();
    expect(row.payload).toEqual({ who: '张三', n: [1, 2] });
    expect(await seqs(b)).toEqual([1]);
  });
});

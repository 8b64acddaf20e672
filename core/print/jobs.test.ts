import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { pendingEvents } from '../outbox/outbox.js';
import {
  claimNext,
  enqueue,
  getJob,
  InvalidSlipError,
  listRecent,
  markDone,
  markFailed,
  nextRetryAt,
  pendingCount,
  recoverAfterRestart,
  reprint,
  toPrintJob,
} from './jobs.js';
import { ticketSlip } from './test-slips.js';

const tmp = tempDir('hall-print-');
afterEach(() => tmp.cleanup());

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const jobCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM print_job').get() as { n: number }).n;
const eventTypes = (db: Db) => pendingEvents(db).map((e) => e.type);

describe('print job queue', () => {
  it('queues a valid slip with its outbox event, and refuses a bad one writing nothing', () => {
    const db = openDatabase(tmp.file('p.sqlite'));
    const job = enqueue(db, ticketSlip('A001'), T0);
    expect(toPrintJob(job)).toEqual({
      id: job.id,
      kind: 'ticket',
      state: 'queued',
      attempts: 0,
      failure: null,
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    });
    expect(job.slip).toMatchObject({ number: 'A001', offline: false });
    expect(pendingEvents(db).map((e) => [e.type, e.payload])).toEqual([['print.queued', { jobId: job.id, kind: 'ticket' }]]);

    const bad = { ...ticketSlip('A002'), ahead: -1, qr: undefined };
    expect(() => enqueue(db, bad, T0)).toThrow(InvalidSlipError);
    expect(() => enqueue(db, bad, T0)).toThrow(/ahead: .*; qr: /);
    expect(() => enqueue(db, { kind: 'receipt' }, T0)).toThrow(InvalidSlipError);
    expect(jobCount(db)).toBe(1);
    expect(pendingEvents(db)).toHaveLength(1);
    db.close();
  });

  it('prints in the order the slips were queued, one attempt per claim', () => {
    const db = openDatabase(tmp.file('p.sqlite'));
    const ids = ['A001', 'A002', 'A003'].map((n) => enqueue(db, ticketSlip(n), T0).id);
    const first = claimNext(db, at(1))!;
    expect([first.id, first.state, first.attempts]).toEqual([ids[0], 'printing', 1]);
    expect(claimNext(db, at(2))!.id).toBe(ids[1]);
    expect(markDone(db, first.id, at(3))).toBe(true);
    expect(getJob(db, first.id)).toMatchObject({ state: 'done', failure: null, updatedAt: at(3).toISOString() });
    expect(claimNext(db, at(4))!.id).toBe(ids[2]);
    expect(claimNext(db, at(5))).toBeNull();
    expect(listRecent(db).map((j) => j.id)).toEqual([...ids].reverse());
    db.close();
  });

  it('a failed job waits for its retry time while later jobs go ahead, then comes back', () => {
    const db = openDatabase(tmp.file('p.sqlite'));
    const a = enqueue(db, ticketSlip('A001'), T0);
    const b = enqueue(db, ticketSlip('A002'), T0);
    claimNext(db, at(0));
    markFailed(db, a.id, 'offline', at(5_000), at(10));
    expect(getJob(db, a.id)).toMatchObject({ state: 'failed', failure: 'offline', attempts: 1, nextAttemptAt: at(5_000).toISOString() });
    expect(pendingCount(db)).toBe(2);
    expect(nextRetryAt(db)).toBe(at(5_000).toISOString());

    expect(claimNext(db, at(20))!.id).toBe(b.id);
    markDone(db, b.id, at(30));
    expect(claimNext(db, at(4_999))).toBeNull();
    const again = claimNext(db, at(5_000))!;
    expect([again.id, again.attempts, again.nextAttemptAt]).toEqual([a.id, 2, null]);
    markDone(db, a.id, at(5_010));
    expect(getJob(db, a.id)).toMatchObject({ state: 'done', failure: null });
    expect(pendingCount(db)).toBe(0);
    // Retries are bookkeeping; only outcomes travel to the server.
    expect(eventTypes(db)).toEqual(['print.queued', 'print.queued', 'print.done', 'print.done']);
    db.close();
  });

  it('a job given up on stays failed with its reason, and a reprint queues the same slip again', () => {
    const db = openDatabase(tmp.file('p.sqlite'));
    const a = enqueue(db, ticketSlip('A001'), T0);
    claimNext(db, at(1));
    // Still printing: a reprint does not double it.
    expect(reprint(db, a.id, at(2)).id).toBe(a.id);
    expect(jobCount(db)).toBe(1);
    markFailed(db, a.id, 'paper-out', null, at(2));
    expect(getJob(db, a.id)).toMatchObject({ state: 'failed', failure: 'paper-out', nextAttemptAt: null });
    expect(pendingCount(db)).toBe(0);
    expect(claimNext(db, at(1_000_000))).toBeNull();

    const copy = reprint(db, a.id, at(3));
    expect(copy).toMatchObject({ state: 'queued', attempts: 0, reprintOf: a.id, slip: a.slip });
    expect(copy.id).not.toBe(a.id);
    expect(getJob(db, a.id)!.state).toBe('failed');
    expect(claimNext(db, at(4))!.id).toBe(copy.id);
    expect(markDone(db, copy.id, at(5))).toBe(true);
    // A printed slip can be reprinted too (a visitor lost the ticket).
    expect(reprint(db, copy.id, at(6)).reprintOf).toBe(copy.id);
    expect(() => reprint(db, 'no-such-job', at(7))).toThrow(/NOT_FOUND/);
    expect(pendingEvents(db).map((e) => e.type)).toEqual(['print.queued', 'print.failed', 'print.queued', 'print.done', 'print.queued']);
    db.close();
  });

  it('a reprint of a slip waiting to retry moves its retry to now instead of queuing a second one', () => {
    const db = openDatabase(tmp.file('p.sqlite'));
    const a = enqueue(db, ticketSlip('A001'), T0);
    claimNext(db, at(1));
    markFailed(db, a.id, 'offline', at(60_000), at(2));
    expect(reprint(db, a.id, at(3))).toMatchObject({ id: a.id, state: 'failed', nextAttemptAt: at(3).toISOString() });
    expect(jobCount(db)).toBe(1);
    expect(claimNext(db, at(3))!.id).toBe(a.id);
    db.close();
  });

  it('does not let a late answer change a job that is no longer printing', () => {
    const db = openDatabase(tmp.file('p.sqlite'));
    const a = enqueue(db, ticketSlip('A001'), T0);
    claimNext(db, at(1));
    markFailed(db, a.id, 'timeout', null, at(2));
    expect(markDone(db, a.id, at(3))).toBe(false);
    expect(getJob(db, a.id)).toMatchObject({ state: 'failed', failure: 'timeout' });
    db.close();
  });

  it('a job left printing by a process killed with SIGKILL is queued again after restart and prints', { timeout: 30_000 }, async () => {
    const file = tmp.file('killed.sqlite');
    let db = openDatabase(file);
    const a = enqueue(db, ticketSlip('A001'), T0);
    const b = enqueue(db, ticketSlip('A002'), T0);
    db.close();

    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./claim-child.ts', import.meta.url).pathname, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    await new Promise<void>((resolve) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve();
      });
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    db = openDatabase(file);
    expect(getJob(db, a.id)).toMatchObject({ state: 'printing', attempts: 1 });
    expect(recoverAfterRestart(db, at(10))).toBe(1);
    expect(getJob(db, a.id)).toMatchObject({ state: 'queued', attempts: 1 });
    const next = claimNext(db, at(11))!;
    expect(next.id).toBe(a.id);
    markDone(db, a.id, at(12));
    expect(claimNext(db, at(13))!.id).toBe(b.id);
    expect(getJob(db, a.id)!.state).toBe('done');
    db.close();
  });
});

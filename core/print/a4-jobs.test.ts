import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../contract/errors.js';
import type { A4Document } from '../contract/print.js';
import { openDatabase } from '../db/connection.js';
import { tempDir } from '../db/test-db.js';
import { pendingEvents } from '../outbox/outbox.js';
import {
  attachA4Printer,
  claimNextA4,
  enqueueA4Job,
  getA4Job,
  listA4Jobs,
  markA4Done,
  markA4Failed,
  nextA4RetryAt,
  pendingA4Count,
  recoverA4AfterRestart,
  reprintA4Job,
} from './a4-jobs.js';

const tmp = tempDir('hall-a4jobs-');
afterEach(() => tmp.cleanup());

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const doc: A4Document = { kind: 'certificate', certificateId: 'c1', lang: 'zh-CN', reprint: null };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return null;
};

function withPrinter() {
  const db = openDatabase(tmp.file('a4.sqlite'));
  let wakes = 0;
  attachA4Printer(db, 'ipp://localhost:631/printers/hall-a4', () => wakes++);
  return { db, wakes: () => wakes };
}

describe('A4 job queue', () => {
  it('queues a document with its print.queued event and wakes the worker once the write is done', async () => {
    const { db, wakes } = withPrinter();
    const job = enqueueA4Job(db, doc, T0);
    expect(job).toEqual({ id: job.id, document: doc, state: 'queued', attempts: 0, failure: null, createdAt: T0.toISOString(), updatedAt: T0.toISOString() });
    expect(pendingEvents(db).map((e) => [e.type, e.payload])).toEqual([['print.queued', { jobId: job.id, kind: 'a4', document: 'certificate' }]]);
    expect(wakes()).toBe(0);
    await Promise.resolve();
    expect(wakes()).toBe(1);
  });

  it('refuses with NO_A4_PRINTER when no printer is attached, and after it is detached, writing nothing', () => {
    const db = openDatabase(tmp.file('none.sqlite'));
    expect(code(() => enqueueA4Job(db, doc, T0))).toBe('NO_A4_PRINTER');
    const detach = attachA4Printer(db, 'ipp://x/printers/y', () => {});
    detach();
    expect(code(() => enqueueA4Job(db, doc, T0))).toBe('NO_A4_PRINTER');
    expect(listA4Jobs(db)).toEqual([]);
    expect(pendingEvents(db)).toEqual([]);
  });

  it("joins the caller's transaction: a hand-over that fails after queuing leaves no job and no event", () => {
    const { db } = withPrinter();
    expect(() =>
      db.transaction(() => {
        enqueueA4Job(db, doc, T0);
        throw new Error('hand-over refused');
      })(),
    ).toThrow('hand-over refused');
    expect(listA4Jobs(db)).toEqual([]);
    expect(pendingEvents(db)).toEqual([]);
  });

  it('claims in queue order, counts attempts, retries a failure at its time and gives up with an event', () => {
    const { db } = withPrinter();
    const a = enqueueA4Job(db, doc, T0);
    const b = enqueueA4Job(db, { ...doc, certificateId: 'c2' }, T0);
    expect(claimNextA4(db, T0)!.id).toBe(a.id);
    expect(markA4Failed(db, a.id, 'ECONNREFUSED', at(5_000), T0)).toBe(true);
    expect(nextA4RetryAt(db)).toBe(at(5_000).toISOString());
    expect(claimNextA4(db, at(1))!.id).toBe(b.id);
    markA4Done(db, b.id, at(2));
    expect(claimNextA4(db, at(3))).toBeNull();
    const retry = claimNextA4(db, at(5_000))!;
    expect([retry.id, retry.attempts]).toEqual([a.id, 2]);
    markA4Failed(db, a.id, 'client-error-not-found', null, at(5_001));
    expect(getA4Job(db, a.id)).toMatchObject({ state: 'failed', failure: 'client-error-not-found', attempts: 2, nextAttemptAt: null });
    expect(pendingA4Count(db)).toBe(0);
    expect(pendingEvents(db).map((e) => [e.type, (e.payload as { reason?: string }).reason ?? null])).toEqual([
      ['print.queued', null],
      ['print.queued', null],
      ['print.done', null],
      ['print.failed', 'client-error-not-found'],
    ]);
    expect(markA4Done(db, a.id, at(6_000))).toBe(false);
  });

  it('reprints a finished job as a new job pointing back, and does not double a job still waiting', () => {
    const { db } = withPrinter();
    const a = enqueueA4Job(db, doc, T0);
    claimNextA4(db, T0);
    markA4Failed(db, a.id, 'ECONNREFUSED', at(60_000), T0);
    const same = reprintA4Job(db, a.id, at(10));
    expect([same.id, same.nextAttemptAt]).toEqual([a.id, at(10).toISOString()]);
    claimNextA4(db, at(10));
    markA4Done(db, a.id, at(11));
    const copy = reprintA4Job(db, a.id, at(12));
    expect(copy).toMatchObject({ state: 'queued', reprintOf: a.id, document: doc, attempts: 0 });
    expect(listA4Jobs(db).map((j) => j.id)).toEqual([copy.id, a.id]);
    expect(code(() => reprintA4Job(db, 'nope', at(13)))).toBe('NOT_FOUND');
  });

  it('puts a job a crash left printing back in the queue', () => {
    const { db } = withPrinter();
    const a = enqueueA4Job(db, doc, T0);
    claimNextA4(db, T0);
    expect(recoverA4AfterRestart(db, at(1))).toBe(1);
    expect(getA4Job(db, a.id)!.state).toBe('queued');
  });
});

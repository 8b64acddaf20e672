import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../core/contract/print.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { enqueue, getJob, listRecent, reprint } from '../../core/print/jobs.js';
import { ticketSlip } from '../../core/print/test-slips.js';
import { FakePrinter, type FakeOutcome } from './fake-printer.js';
import { ManualClock } from './manual-clock.js';
import { BACKSTOP_FACTOR, PrintWorker, type PrintWorkerOptions } from './worker.js';

const tmp = tempDir('hall-print-worker-');
const open: { db: Db; worker: PrintWorker }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.worker.stop();
    o.db.close();
  }
  tmp.cleanup();
});

function setup(script: FakeOutcome[] = [], opts: Partial<PrintWorkerOptions> = {}, printer: FakePrinter | null = new FakePrinter(script)) {
  const db = openDatabase(tmp.file('w.sqlite'));
  const clock = new ManualClock();
  const statuses: PrinterStatus[] = [];
  const worker = new PrintWorker(db, printer, {
    timeZone: 'Asia/Shanghai',
    maxAttempts: 4,
    backoff: { baseMs: 1_000, maxMs: 8_000 },
    timeoutMs: 10_000,
    probeIntervalMs: 30_000,
    clock,
    random: () => 0,
    onStatus: (s) => statuses.push(s),
    ...opts,
  });
  open.push({ db, worker });
  return { db, clock, worker, printer: printer!, statuses };
}

describe('print worker', () => {
  it('prints queued slips in order, also ones queued straight into the table, and reports the printer online', async () => {
    const { db, clock, worker, printer } = setup();
    const a = worker.enqueue(ticketSlip('A001'));
    worker.start();
    const b = enqueue(db, ticketSlip('A002'));
    const c = worker.enqueue(ticketSlip('A003'));
    await clock.advance(0);
    await worker.idle();

    expect(printer.texts.map((t) => t.match(/A00\d/)?.[0])).toEqual(['A001', 'A002', 'A003']);
    expect([a, b, c].map((j) => getJob(db, j.id)!.state)).toEqual(['done', 'done', 'done']);
    expect(worker.status()).toEqual({ configured: true, state: 'online', pending: 0, lastFailure: null });
  });

  it('keeps a slip while the printer is offline and prints it once the printer is back', async () => {
    const { db, clock, worker, printer, statuses } = setup(['offline', 'offline', 'ok']);
    worker.start();
    const job = worker.enqueue(ticketSlip('A001'));
    await clock.advance(0);

    expect(getJob(db, job.id)).toMatchObject({ state: 'failed', failure: 'offline', attempts: 1 });
    expect(worker.status()).toEqual({ configured: true, state: 'offline', pending: 1, lastFailure: 'offline' });
    expect(statuses.at(-1)).toEqual(worker.status());

    await clock.advance(1_000); // first retry, still offline
    expect(getJob(db, job.id)).toMatchObject({ state: 'failed', attempts: 2 });
    await clock.advance(2_000); // second retry, after a doubled wait
    expect(getJob(db, job.id)).toMatchObject({ state: 'done', attempts: 3, failure: null });
    expect(printer.printed).toHaveLength(1);
    expect(worker.status()).toEqual({ configured: true, state: 'online', pending: 0, lastFailure: null });
  });

  it('prints a waiting slip as soon as a status probe finds the printer back, without sitting out the backoff', async () => {
    const { db, clock, worker, printer } = setup([], { backoff: { baseMs: 60_000, maxMs: 60_000 }, probeIntervalMs: 5_000 });
    printer.state = 'offline';
    printer.otherwise = 'offline';
    worker.start();
    const job = worker.enqueue(ticketSlip('A001'));
    await clock.advance(5_000);
    expect(worker.status().state).toBe('offline');
    expect(getJob(db, job.id)!.state).toBe('failed');

    printer.state = 'online';
    printer.otherwise = 'ok';
    await clock.advance(5_000);
    await worker.idle();
    expect(getJob(db, job.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(worker.status().state).toBe('online');
  });

  it('gives up after maxAttempts: the job stays failed with its reason and a reprint prints it', async () => {
    const { db, clock, worker, printer } = setup([], { maxAttempts: 3 });
    printer.otherwise = 'disconnected';
    worker.start();
    const job = worker.enqueue(ticketSlip('A001'));
    await clock.advance(60_000);

    expect(printer.attempts).toBe(3);
    expect(getJob(db, job.id)).toMatchObject({ state: 'failed', failure: 'disconnected', attempts: 3, nextAttemptAt: null });
    expect(worker.status()).toMatchObject({ pending: 0, lastFailure: 'disconnected' });

    printer.otherwise = 'ok';
    const again = reprint(db, job.id);
    await clock.advance(0);
    expect(getJob(db, again.id)).toMatchObject({ state: 'done', reprintOf: job.id });
    expect(printer.texts[0]).toContain('A001');
  });

  it('paper out fails the slip at once with reason paper-out; after new paper a reprint prints it', async () => {
    const { db, clock, worker, printer } = setup(['paper-out']);
    worker.start();
    const job = worker.enqueue(ticketSlip('A007'));
    const next = worker.enqueue(ticketSlip('A008'));
    await clock.advance(0);

    expect(getJob(db, job.id)).toMatchObject({ state: 'failed', failure: 'paper-out', attempts: 1, nextAttemptAt: null });
    // The next slip is still tried: the printer says for itself whether the paper is back.
    expect(getJob(db, next.id)!.state).toBe('done');
    await clock.advance(120_000);
    expect(printer.attempts).toBe(2);

    const copy = reprint(db, job.id);
    await clock.advance(0);
    expect(getJob(db, copy.id)!.state).toBe('done');
    expect(printer.texts.map((t) => t.match(/A00\d/)?.[0])).toEqual(['A008', 'A007']);
    expect(listRecent(db).map((j) => [j.state, j.failure])).toEqual([
      ['done', null],
      ['done', null],
      ['failed', 'paper-out'],
    ]);
  });

  it('reports paper out from the periodic status probe while idle', async () => {
    const { clock, worker, printer, statuses } = setup();
    worker.start();
    await clock.advance(30_000);
    expect(worker.status().state).toBe('online');
    printer.state = 'paper-out';
    await clock.advance(30_000);
    expect(worker.status()).toEqual({ configured: true, state: 'paper-out', pending: 0, lastFailure: null });
    expect(statuses.at(-1)?.state).toBe('paper-out');
  });

  it('a printer that never answers fails the slip with timeout and the next slip still prints', async () => {
    const { db, clock, worker, printer } = setup(['hang']);
    worker.start();
    const stuck = worker.enqueue(ticketSlip('A001'));
    const next = worker.enqueue(ticketSlip('A002'));
    await clock.advance(0);
    expect(getJob(db, stuck.id)!.state).toBe('printing');
    expect(getJob(db, next.id)!.state).toBe('queued');

    await clock.advance(BACKSTOP_FACTOR * 10_000);
    expect(getJob(db, stuck.id)).toMatchObject({ state: 'failed', failure: 'timeout' });
    expect(getJob(db, next.id)!.state).toBe('done');
    expect(worker.status().lastFailure).toBeNull();

    await clock.advance(1_000);
    expect(getJob(db, stuck.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(printer.texts.map((t) => t.match(/A00\d/)?.[0])).toEqual(['A002', 'A001']);
  });

  it('a slip that cannot be rendered fails as unprintable without retries', async () => {
    const { db, clock, worker, printer } = setup([], {
      render: () => {
        throw new Error('no glyph');
      },
    });
    worker.start();
    const job = worker.enqueue(ticketSlip('A001'));
    await clock.advance(60_000);
    expect(getJob(db, job.id)).toMatchObject({ state: 'failed', failure: 'unprintable', attempts: 1, nextAttemptAt: null });
    expect(printer.attempts).toBe(0);
  });

  it('with no printer configured it says so and attempts nothing', async () => {
    const { db, clock, worker } = setup([], {}, null);
    worker.start();
    const job = worker.enqueue(ticketSlip('A001'));
    await clock.advance(600_000);
    expect(getJob(db, job.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(worker.status()).toEqual({ configured: false, state: 'unknown', pending: 1, lastFailure: null });
    expect(clock.pending).toBe(0);
  });

  it('submit() queues a ticket only when the printer can take it; otherwise the screen shows it', async () => {
    const { db, clock, worker, printer } = setup(['paper-out']);
    worker.start();
    const first = worker.submit(ticketSlip('A001'));
    expect(first.print).toBe('queued');
    await clock.advance(0);
    expect(worker.status().state).toBe('paper-out');
    expect(worker.submit(ticketSlip('A002'))).toEqual({ job: null, print: 'printer-down' });
    expect(listRecent(db)).toHaveLength(1);

    printer.state = 'online';
    await clock.advance(30_000);
    const third = worker.submit(ticketSlip('A003'));
    expect(third.print).toBe('queued');
    await clock.advance(0);
    expect(getJob(db, third.job!.id)!.state).toBe('done');

    const none = setup([], {}, null).worker;
    expect(none.submit(ticketSlip('A004'))).toEqual({ job: null, print: 'no-printer' });
    expect(() => none.submit({ kind: 'ticket' })).toThrow(/not valid/);
  });

  it('reprint() prints a finished slip again; pressing it on a slip still waiting prints it once', async () => {
    const { db, clock, worker, printer } = setup(['offline']);
    worker.start();
    const job = worker.enqueue(ticketSlip('A001'));
    await clock.advance(0);
    expect(worker.reprint(job.id).id).toBe(job.id);
    await clock.advance(0);
    expect(getJob(db, job.id)!.state).toBe('done');
    const copy = worker.reprint(job.id);
    await clock.advance(0);
    expect(getJob(db, copy.id)).toMatchObject({ state: 'done', reprintOf: job.id });
    expect(printer.texts.map((t) => t.match(/A00\d/)?.[0])).toEqual(['A001', 'A001']);
  });

  it('refuses a bad slip and queues nothing', () => {
    const { db, worker } = setup();
    expect(() => worker.enqueue({ kind: 'ticket', number: '' })).toThrow(/not valid/);
    expect(listRecent(db)).toEqual([]);
  });

  it('stop() leaves no timer behind', async () => {
    const { clock, worker } = setup(['offline']);
    worker.start();
    worker.enqueue(ticketSlip('A001'));
    await clock.advance(0);
    expect(clock.pending).toBeGreaterThan(0);
    await worker.stop();
    expect(clock.pending).toBe(0);
  });
});

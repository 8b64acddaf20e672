import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../core/contract/print.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { getJob, reprint, type PrintJobRecord } from '../../core/print/jobs.js';
import { ticketSlip } from '../../core/print/test-slips.js';
import { openPrinter } from '../../native/printer/open.js';
import type { Printer } from '../../native/printer/types.js';
import { decodeEscPos } from '../../tests/devices/escpos-decoder.js';
import { LoopbackPrinter } from '../../tests/devices/loopback-printer.js';
import { PrintWorker, type PrintWorkerOptions } from './worker.js';

// The worker on real timers against a real raw-TCP printer on 127.0.0.1, with short backoff. Timeouts
// stay generous where the printer answers, so a loaded machine cannot turn a slow answer into a retry.
const tmp = tempDir('hall-print-tcp-');
let device: LoopbackPrinter;
let printer: Printer;
let db: Db;
let worker: PrintWorker | undefined;

beforeEach(async () => {
  device = await LoopbackPrinter.start();
  printer = openPrinter(device.uri);
  db = openDatabase(tmp.file('tcp.sqlite'));
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await printer.close();
  await device.stop();
  db.close();
  tmp.cleanup();
});

function startWorker(opts: Partial<PrintWorkerOptions> = {}): PrintWorker {
  worker = new PrintWorker(db, printer, { timeZone: 'Asia/Shanghai', timeoutMs: 5_000, backoff: { baseMs: 50, maxMs: 200 }, maxAttempts: 100, probeIntervalMs: 0, random: () => 0, ...opts });
  worker.start();
  return worker;
}

/** Waits (polling) until the job reaches a state; fails the test after 10 s. */
async function until(job: PrintJobRecord, check: (j: PrintJobRecord) => boolean): Promise<PrintJobRecord> {
  for (let i = 0; i < 500; i++) {
    const now = getJob(db, job.id)!;
    if (check(now)) return now;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${job.id} stayed ${JSON.stringify(getJob(db, job.id))}`);
}

/** The ticket numbers the printer received whole, in order. */
function printedNumbers(): string[] {
  return device.connections
    .filter((c) => c.bytes.length > 8)
    .map((c) => decodeEscPos(c.bytes).lines.find((l) => /^A\d{3}$/.test(l.text))?.text ?? '?');
}

describe('print worker through a tcp:// printer', () => {
  it('prints slips in order and the printer receives each ticket whole', async () => {
    const w = startWorker();
    const jobs = ['A001', 'A002', 'A003'].map((n) => w.enqueue(ticketSlip(n)));
    for (const j of jobs) await until(j, (x) => x.state === 'done');
    expect(printedNumbers()).toEqual(['A001', 'A002', 'A003']);
    expect(w.status()).toEqual({ configured: true, state: 'online', pending: 0, lastFailure: null });
    expect(await w.probe()).toBe('online');
  });

  it('a printer that refuses connections fails the slip as offline, and it prints when the printer is back', async () => {
    await device.setMode({ kind: 'refuse' });
    const w = startWorker();
    const job = w.enqueue(ticketSlip('A004'));
    const failed = await until(job, (x) => x.state === 'failed' && x.attempts >= 2);
    expect(failed.failure).toBe('offline');
    expect(w.status()).toMatchObject({ state: 'offline', pending: 1, lastFailure: 'offline' });

    await device.setMode({ kind: 'ready' });
    await until(job, (x) => x.state === 'done');
    expect(printedNumbers()).toEqual(['A004']);
    expect(w.status()).toMatchObject({ state: 'online', pending: 0, lastFailure: null });
  });

  it('paper out fails the slip with paper-out without sending it; after new paper a reprint prints it', async () => {
    await device.setMode({ kind: 'paper-out' });
    const w = startWorker();
    const job = w.enqueue(ticketSlip('A005'));
    const failed = await until(job, (x) => x.state === 'failed');
    expect(failed).toMatchObject({ failure: 'paper-out', nextAttemptAt: null });
    expect(w.status()).toMatchObject({ state: 'paper-out', lastFailure: 'paper-out' });
    expect(await w.probe()).toBe('paper-out');
    expect(printedNumbers()).toEqual([]);

    await device.setMode({ kind: 'ready' });
    const copy = reprint(db, job.id);
    await until(copy, (x) => x.state === 'done');
    expect(printedNumbers()).toEqual(['A005']);
  });

  it('a printer that takes the connection but never answers fails the slip with timeout, and the next slip prints', async () => {
    await device.setMode({ kind: 'silent' });
    const statuses: PrinterStatus[] = [];
    const w = startWorker({
      timeoutMs: 1_000,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      onStatus: (s) => {
        statuses.push(s);
        // The printer recovers right after the first timeout, before the next slip connects.
        if (s.lastFailure === 'timeout') void device.setMode({ kind: 'ready' });
      },
    });
    const stuck = w.enqueue(ticketSlip('A006'));
    const next = w.enqueue(ticketSlip('A007'));
    await until(next, (x) => x.state === 'done');
    expect(getJob(db, stuck.id)).toMatchObject({ state: 'failed', failure: 'timeout', attempts: 1 });
    expect(printedNumbers()).toEqual(['A007']);
    expect(statuses.some((s) => s.lastFailure === 'timeout' && s.state === 'offline')).toBe(true);
  });
});

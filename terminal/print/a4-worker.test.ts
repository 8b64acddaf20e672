import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/contract/errors.js';
import type { A4Document } from '../../core/contract/print.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { enqueueA4Job, getA4Job, listA4Jobs, reprintA4Job, type A4JobRecord } from '../../core/print/a4-jobs.js';
import { getJobAttributes } from '../../native/printer/ipp/client.js';
import { CUPS_URI, cupsFileOf, cupsOutput, PAUSE_QUEUE, PAUSE_URI, pdfText, requireCups, samplePdf, setQueueStopped } from '../../tests/cups.js';
import { A4Worker, type A4WorkerOptions } from './a4-worker.js';

const tmp = tempDir('hall-a4-');
const workers: A4Worker[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  tmp.cleanup();
});

const doc = (certificateId: string): A4Document => ({ kind: 'certificate', certificateId, lang: 'zh-CN', reprint: null });
/** The test's render: a real PDF naming the certificate, standing in for the certificate PDF builder. */
const render = (d: A4Document) => samplePdf([`对外劳务合作经营资格证书 ${d.certificateId}`, d.reprint ? `补打 ${d.reprint.reason}` : '正本']);

function start(db: Db, uri: string, opts: Partial<A4WorkerOptions> = {}) {
  const sent = new Map<string, number>();
  const worker = new A4Worker(db, uri, { render, pollMs: 100, onSent: (job, p) => sent.set(job.id, p.jobId), ...opts });
  workers.push(worker);
  worker.start();
  return { worker, sent };
}

async function settled(db: Db, id: string, timeoutMs = 20_000): Promise<A4JobRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = getA4Job(db, id)!;
    if (job.state === 'done' || (job.state === 'failed' && job.nextAttemptAt === null)) return job;
    if (Date.now() > deadline) throw new Error(`A4 job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port nothing listens on yet; `open()` later forwards it to cupsd: the printer coming back. */
async function printerThatComesBack(): Promise<{ uri: string; open: () => Promise<void> }> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((r) => probe.close(r));
  return {
    uri: `ipp://127.0.0.1:${port}/printers/${new URL(CUPS_URI).pathname.split('/').pop()}`,
    open: async () => {
      const proxy = net.createServer((client) => {
        const upstream = net.connect(631, '127.0.0.1');
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      servers.push(proxy);
      await new Promise<void>((r) => proxy.listen(port, '127.0.0.1', r));
    },
  };
}

describe('A4 printing through IPP to the real cupsd', () => {
  beforeAll(async () => {
    await requireCups(CUPS_URI);
    await requireCups(PAUSE_URI);
  });

  it('prints a queued certificate: the job is done and the PDF CUPS wrote shows its text', async () => {
    const db = openDatabase(tmp.file('t.sqlite'));
    const { sent } = start(db, CUPS_URI);
    const job = enqueueA4Job(db, doc('CERT-A4-0001'), new Date());
    const done = await settled(db, job.id);
    expect(done).toMatchObject({ state: 'done', attempts: 1, failure: null });
    const text = pdfText(await cupsOutput(sent.get(job.id)!));
    expect(text).toContain('对外劳务合作经营资格证书 CERT-A4-0001');
    expect(pendingEvents(db).map((e) => [e.type, e.payload])).toEqual([
      ['print.queued', { jobId: job.id, kind: 'a4', document: 'certificate' }],
      ['print.done', { jobId: job.id, kind: 'a4', attempts: 1 }],
    ]);
  });

  it('with no A4 printer set up refuses with NO_A4_PRINTER and records nothing', () => {
    const db = openDatabase(tmp.file('none.sqlite'));
    const err = (() => {
      try {
        enqueueA4Job(db, doc('CERT-A4-0002'), new Date());
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NO_A4_PRINTER');
    expect(listA4Jobs(db)).toEqual([]);
    expect(pendingEvents(db)).toEqual([]);
  });

  it('a printer that is down fails the job with ECONNREFUSED; once it is back the reprint arrives', async () => {
    const db = openDatabase(tmp.file('down.sqlite'));
    const printer = await printerThatComesBack();
    const { sent } = start(db, printer.uri, { maxAttempts: 1 });
    const job = enqueueA4Job(db, doc('CERT-A4-0003'), new Date());
    expect(await settled(db, job.id)).toMatchObject({ state: 'failed', failure: 'ECONNREFUSED', attempts: 1, nextAttemptAt: null });
    expect(sent.has(job.id)).toBe(false);

    await printer.open();
    const again = reprintA4Job(db, job.id, new Date());
    expect(again.id).not.toBe(job.id);
    expect(again.reprintOf).toBe(job.id);
    expect(await settled(db, again.id)).toMatchObject({ state: 'done', failure: null });
    expect(pdfText(await cupsOutput(sent.get(again.id)!))).toContain('CERT-A4-0003');
    expect(getA4Job(db, job.id)).toMatchObject({ state: 'failed', failure: 'ECONNREFUSED' });
    expect(pendingEvents(db).map((e) => e.type)).toEqual(['print.queued', 'print.failed', 'print.queued', 'print.done']);
  });

  it('retries a transient failure by itself with backoff and prints once the printer answers', async () => {
    const db = openDatabase(tmp.file('retry.sqlite'));
    const printer = await printerThatComesBack();
    const { sent } = start(db, printer.uri, { maxAttempts: 5, backoff: { baseMs: 300, maxMs: 300 }, random: () => 0 });
    const job = enqueueA4Job(db, doc('CERT-A4-0004'), new Date());
    for (let i = 0; i < 100 && getA4Job(db, job.id)!.state !== 'failed'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(getA4Job(db, job.id)).toMatchObject({ state: 'failed', failure: 'ECONNREFUSED' });
    expect(getA4Job(db, job.id)!.nextAttemptAt).not.toBeNull();
    await printer.open();
    const done = await settled(db, job.id);
    expect(done.state).toBe('done');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(pdfText(await cupsOutput(sent.get(job.id)!))).toContain('CERT-A4-0004');
  });

  it('a stopped queue: the held job is withdrawn and failed with the printer state; after cupsenable the reprint arrives, once', async () => {
    const db = openDatabase(tmp.file('paused.sqlite'));
    const { sent } = start(db, PAUSE_URI, { maxAttempts: 1, completionTimeoutMs: 1_500 });
    setQueueStopped(PAUSE_QUEUE, true);
    let job;
    try {
      job = enqueueA4Job(db, doc('CERT-A4-0005'), new Date());
      const failed = await settled(db, job.id);
      expect(failed.state).toBe('failed');
      expect(failed.failure).toMatch(/^printer-stopped: job pending, paused/);
      expect((await getJobAttributes(PAUSE_URI, sent.get(job.id)!)).state).toBe('canceled');
    } finally {
      setQueueStopped(PAUSE_QUEUE, false);
    }
    const again = reprintA4Job(db, job.id, new Date());
    expect(await settled(db, again.id)).toMatchObject({ state: 'done' });
    expect(pdfText(await cupsOutput(sent.get(again.id)!, { uri: PAUSE_URI }))).toContain('CERT-A4-0005');
    expect(cupsFileOf(sent.get(job.id)!)).toBeNull();
  });

  it('a queue that does not exist fails at once with client-error-not-found, not retried', async () => {
    const db = openDatabase(tmp.file('missing.sqlite'));
    start(db, `${CUPS_URI}-missing`, { maxAttempts: 5 });
    const job = enqueueA4Job(db, doc('CERT-A4-0006'), new Date());
    expect(await settled(db, job.id)).toMatchObject({ state: 'failed', failure: 'client-error-not-found', attempts: 1, nextAttemptAt: null });
  });
});

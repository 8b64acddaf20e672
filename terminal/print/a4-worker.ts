import type { A4Document } from '../../core/contract/print.js';
import type { Db } from '../../core/db/connection.js';
import {
  attachA4Printer,
  claimNextA4,
  markA4Done,
  markA4Failed,
  nextA4RetryAt,
  pendingA4Count,
  recoverA4AfterRestart,
  type A4JobRecord,
} from '../../core/print/a4-jobs.js';
import { cancelJob, getJobAttributes, getPrinterAttributes, IppError, printPdf, type SubmittedJob } from '../../native/printer/ipp/client.js';
import { isFinal } from '../../native/printer/ipp/names.js';
import { backoffDelay, type BackoffOptions } from '../sync/backoff.js';
import { systemClock, type Clock } from './clock.js';

export const A4_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 120_000 };

export interface A4WorkerOptions {
  /** Turns a document into PDF bytes (the certificate PDF builder, composed in by the service). */
  render: (document: A4Document) => Promise<Uint8Array>;
  /** Attempts per job, the first included, before it waits for a reprint. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** One IPP exchange (the PDF upload included); default 30 s. */
  timeoutMs?: number;
  /** How long the printer may take to finish a job it accepted before it is withdrawn and failed; default 120 s. */
  completionTimeoutMs?: number;
  /** Between Get-Job-Attributes while waiting for completion; default 500 ms. */
  pollMs?: number;
  clock?: Clock;
  random?: () => number;
  log?: (line: string) => void;
  /** The printer has taken the job's last byte (its Print-Job answer arrived). */
  onSent?: (job: A4JobRecord, printerJob: SubmittedJob) => void;
}

export interface A4PrinterStatus {
  uri: string;
  pending: number;
  lastFailure: string | null;
}

/** Failures that pass by themselves: the printer unreachable, busy, paused or not accepting for now. */
function retryable(reason: string): boolean {
  return (
    /^E[A-Z]+$/.test(reason) ||
    reason === 'timeout' ||
    reason.startsWith('printer-stopped') ||
    ['server-error-service-unavailable', 'server-error-busy', 'server-error-temporary-error', 'server-error-not-accepting-jobs'].includes(reason)
  );
}

/** A failure with the reason the job table keeps. */
class JobFailure extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

/**
 * Drains the A4 queue to one IPP printer (A4_PRINTER), one job at a time in queue order: renders
 * the document, sends it with Print-Job, waits for the printer to report the job completed, and
 * records done, or failed with the printer's reason (retried with backoff when it may pass).
 */
export class A4Worker {
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private running = false;
  private busy = false;
  /** A wake-up came while a drain was finishing: drain once more, so a job queued then is not left waiting. */
  private again = false;
  private draining: Promise<void> = Promise.resolve();
  private wakeTimer: unknown = null;
  private detach: (() => void) | null = null;
  private lastFailure: string | null = null;

  constructor(
    private readonly db: Db,
    readonly uri: string,
    private readonly opts: A4WorkerOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
  }

  /** Declares the printer (enqueueA4Job accepts jobs from now on), requeues jobs a crash left printing, starts printing. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const recovered = recoverA4AfterRestart(this.db, this.date());
    if (recovered) this.log(`${recovered} A4 print job(s) interrupted by a restart are queued again.`);
    this.detach = attachA4Printer(this.db, this.uri, () => this.kick());
    this.kick();
  }

  /** Stops taking jobs and waits for the one being printed, if any. */
  async stop(): Promise<void> {
    this.running = false;
    this.detach?.();
    this.detach = null;
    if (this.wakeTimer !== null) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    await this.draining;
  }

  /** Resolves once no job is due right now (retries waiting for their time do not count). */
  idle(): Promise<void> {
    return this.draining;
  }

  status(): A4PrinterStatus {
    return { uri: this.uri, pending: pendingA4Count(this.db), lastFailure: this.lastFailure };
  }

  private kick(): void {
    if (!this.running) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.again = false;
    if (this.wakeTimer !== null) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.draining = this.drain()
      .catch((err: unknown) => this.log(`A4 print queue stopped on an unexpected error: ${(err as Error).message}`))
      .finally(() => {
        this.busy = false;
        if (this.again) this.kick();
        else this.scheduleWake();
      });
  }

  private async drain(): Promise<void> {
    for (let job = claimNextA4(this.db, this.date()); job; job = this.running ? claimNextA4(this.db, this.date()) : null) {
      await this.printOne(job);
    }
  }

  private async printOne(job: A4JobRecord): Promise<void> {
    try {
      let pdf: Uint8Array;
      try {
        pdf = await this.opts.render(job.document);
      } catch (err) {
        throw new JobFailure('unrenderable', (err as Error).message);
      }
      const ipp = { timeoutMs: this.opts.timeoutMs ?? 30_000 };
      const sent = await printPdf(this.uri, pdf, `${job.document.kind} ${job.document.certificateId}`, ipp).catch((err: unknown) => {
        throw err instanceof IppError ? new JobFailure(err.reason, err.message) : err;
      });
      this.opts.onSent?.(job, sent);
      await this.awaitCompletion(sent.jobId);
      markA4Done(this.db, job.id, this.date());
      this.lastFailure = null;
    } catch (err) {
      const failure = err instanceof JobFailure ? err : new JobFailure('unexpected', (err as Error).message);
      this.fail(job, failure);
    }
  }

  /** Polls the printer's job until it is completed; a job it holds too long is cancelled there (no late page) and failed. */
  private async awaitCompletion(printerJobId: number): Promise<void> {
    const deadline = this.clock.now() + (this.opts.completionTimeoutMs ?? 120_000);
    const ipp = { timeoutMs: this.opts.timeoutMs ?? 30_000 };
    for (;;) {
      const job = await getJobAttributes(this.uri, printerJobId, ipp).catch((err: unknown) => {
        throw err instanceof IppError ? new JobFailure(err.reason, err.message) : err;
      });
      if (job.state === 'completed') return;
      const reasons = job.reasons.filter((r) => r !== 'none').join(', ');
      if (isFinal(job.state)) throw new JobFailure(`job-${job.state}${reasons ? `: ${reasons}` : ''}`, `the printer ${job.state} job ${printerJobId}`);
      if (this.clock.now() >= deadline) {
        await cancelJob(this.uri, printerJobId, ipp).catch((err: unknown) => this.log(`Could not withdraw printer job ${printerJobId}: ${(err as Error).message}`));
        const printer = await getPrinterAttributes(this.uri, ipp).catch(() => null);
        const why = printer?.reasons.filter((r) => r !== 'none').join(', ') || reasons;
        throw new JobFailure(`printer-stopped: job ${job.state}${why ? `, ${why}` : ''}`, `the printer did not finish job ${printerJobId}`);
      }
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.opts.pollMs ?? 500));
    }
  }

  private fail(job: A4JobRecord, failure: JobFailure): void {
    const giveUp = !retryable(failure.reason) || job.attempts >= this.maxAttempts;
    const retryAt = giveUp ? null : new Date(this.clock.now() + backoffDelay(job.attempts - 1, this.opts.backoff ?? A4_BACKOFF, this.opts.random));
    markA4Failed(this.db, job.id, failure.reason, retryAt, this.date());
    this.lastFailure = failure.reason;
    this.log(
      `A4 print job ${job.id} (attempt ${job.attempts}) failed: ${failure.reason} (${failure.message}); ` +
        (retryAt ? `retrying at ${retryAt.toISOString()}.` : 'given up, it can be reprinted.'),
    );
  }

  private scheduleWake(): void {
    if (!this.running) return;
    const at = nextA4RetryAt(this.db);
    if (at === null) return;
    this.wakeTimer = this.clock.setTimeout(() => this.kick(), Math.max(0, Date.parse(at) - this.clock.now()));
  }

  private date(): Date {
    return new Date(this.clock.now());
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }
}

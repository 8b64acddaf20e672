import type { PrinterState, PrinterStatus, PrintFailure, Slip } from '../../core/contract/print.js';
import type { Db } from '../../core/db/connection.js';
import {
  claimNext,
  enqueue,
  markDone,
  markFailed,
  nextRetryAt,
  onEnqueue,
  pendingCount,
  recoverAfterRestart,
  reprint,
  validateSlip,
  retryWaitingNow,
  type PrintJobRecord,
} from '../../core/print/jobs.js';
import { renderSlip, type RenderOptions } from '../../native/printer/layouts/index.js';
import { PrinterError, type Printer } from '../../native/printer/types.js';
import { backoffDelay, type BackoffOptions } from '../sync/backoff.js';
import { systemClock, type Clock } from './clock.js';

export const PRINT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 60_000 };

export interface PrintWorkerOptions {
  /** The hall's time zone (TIME_ZONE): the times a slip prints. */
  timeZone: string;
  /** Attempts per job, the first included, before it is given up on. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /**
   * Handed to the printer: it fails a print with 'timeout' when the device accepts nothing for this
   * long (this, not a `?timeout=` in the printer URI, applies to the worker's jobs; default 10 s).
   * The worker's own backstop, for a printer that never answers at all, is 3× this.
   */
  timeoutMs?: number;
  /** How often the printer is asked for its status while idle; 0 turns the probe off. */
  probeIntervalMs?: number;
  columns?: number;
  render?: (slip: Slip, options: RenderOptions) => Uint8Array;
  clock?: Clock;
  random?: () => number;
  log?: (line: string) => void;
  /** Called whenever status() may have changed (a job queued or finished, a probe answered). */
  onStatus?: (status: PrinterStatus) => void;
}

/**
 * Failures worth another try by themselves. Paper out needs a person and an unprintable slip will
 * never print: those fail at once and wait for a reprint, so a ticket does not come out long after
 * its visitor has been shown it on screen and left.
 */
const RETRYABLE = new Set<PrintFailure>(['offline', 'timeout', 'disconnected']);

class Timeout extends Error {}
export const BACKSTOP_FACTOR = 3;

/**
 * Drains the print queue to one slip printer, in queue order: renders each slip, prints it within a
 * timeout, retries transient failures with exponential backoff and gives up after maxAttempts.
 * Wakes on every enqueue. With no printer (null) it only reports configured: false and prints nothing.
 */
export class PrintWorker {
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly render: NonNullable<PrintWorkerOptions['render']>;
  private state: PrinterState = 'unknown';
  private lastFailure: PrintFailure | null = null;
  private running = false;
  private busy = false;
  private probing: Promise<unknown> = Promise.resolve();
  private draining: Promise<void> = Promise.resolve();
  private wakeTimer: unknown = null;
  private probeTimer: unknown = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly printer: Printer | null,
    private readonly opts: PrintWorkerOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.render = opts.render ?? renderSlip;
  }

  /** Puts jobs a crash left printing back in the queue, then starts printing and probing. */
  start(): void {
    if (this.running || !this.printer) return;
    this.running = true;
    const recovered = recoverAfterRestart(this.db, this.date());
    if (recovered) this.log(`${recovered} print job(s) interrupted by a restart are queued again.`);
    this.unsubscribe = onEnqueue(this.db, () => this.kick());
    this.kick();
    this.scheduleProbe();
  }

  /** Stops timers and waits for the slip being printed, if any (at most the timeout). Does not close the printer. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clearTimer('wakeTimer');
    this.clearTimer('probeTimer');
    await this.draining;
  }

  /** Queues a slip (validated; InvalidSlipError on bad input) and wakes the worker. */
  enqueue(slip: unknown): PrintJobRecord {
    const job = enqueue(this.db, slip, this.date());
    this.notify();
    return job;
  }

  /**
   * For a slip the screen can show instead (a queue ticket): queued only when a printer is configured
   * and not known to be down, so a ticket never comes out after its visitor has gone.
   */
  submit(slip: unknown): { job: PrintJobRecord | null; print: 'queued' | 'no-printer' | 'printer-down' } {
    validateSlip(slip);
    if (!this.printer) return { job: null, print: 'no-printer' };
    if (this.state === 'offline' || this.state === 'paper-out') return { job: null, print: 'printer-down' };
    return { job: this.enqueue(slip), print: 'queued' };
  }

  /** Prints a job again (see core/print/jobs.ts reprint) and wakes the worker. */
  reprint(jobId: string): PrintJobRecord {
    const job = reprint(this.db, jobId, this.date());
    this.notify();
    return job;
  }

  status(): PrinterStatus {
    return { configured: this.printer !== null, state: this.state, pending: pendingCount(this.db), lastFailure: this.lastFailure };
  }

  /** Resolves once no job is due right now (retries still waiting for their time do not count). */
  idle(): Promise<void> {
    return this.draining;
  }

  /** Asks the printer how it is. Skipped while a slip prints, as many printers take one connection at a time. */
  async probe(): Promise<PrinterState> {
    if (!this.printer || this.busy) return this.state;
    const printer = this.printer;
    const asked = this.withTimeout(printer.status({ timeoutMs: this.timeoutMs })).catch(() => 'offline' as const);
    this.probing = asked;
    const answer = await asked;
    if (this.busy) return this.state;
    const before = this.state;
    this.state = answer;
    if (answer === 'online' && before !== 'online' && this.running) {
      // Back online: waiting retries go now instead of sitting out their backoff.
      if (retryWaitingNow(this.db, this.date())) this.kick();
    }
    if (answer !== before) this.notify();
    return answer;
  }

  /** Starts a drain unless one is running; the running one picks up whatever is queued meanwhile. */
  private kick(): void {
    if (!this.running || this.busy) return;
    this.busy = true;
    this.clearTimer('wakeTimer');
    this.draining = this.drain()
      .catch((err: unknown) => this.log(`Print queue stopped on an unexpected error: ${(err as Error).message}`))
      .finally(() => {
        this.busy = false;
        this.scheduleWake();
      });
  }

  private async drain(): Promise<void> {
    await this.probing;
    for (let job = claimNext(this.db, this.date()); job; job = this.running ? claimNext(this.db, this.date()) : null) {
      await this.printOne(job);
    }
  }

  private async printOne(job: PrintJobRecord): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = this.render(job.slip, { columns: this.opts.columns, timeZone: this.opts.timeZone });
    } catch (err) {
      this.fail(job, 'unprintable', err);
      return;
    }
    try {
      await this.withTimeout(this.printer!.print(bytes, { timeoutMs: this.timeoutMs }));
      markDone(this.db, job.id, this.date());
      this.state = 'online';
      this.lastFailure = null;
      this.notify();
    } catch (err) {
      this.fail(job, err instanceof Timeout ? 'timeout' : err instanceof PrinterError ? err.reason : 'disconnected', err);
    }
  }

  private fail(job: PrintJobRecord, reason: PrintFailure, err: unknown): void {
    const giveUp = !RETRYABLE.has(reason) || job.attempts >= this.maxAttempts;
    const retryAt = giveUp ? null : new Date(this.clock.now() + backoffDelay(job.attempts - 1, this.opts.backoff ?? PRINT_BACKOFF, this.opts.random));
    markFailed(this.db, job.id, reason, retryAt, this.date());
    this.lastFailure = reason;
    if (reason === 'paper-out') this.state = 'paper-out';
    else if (reason !== 'unprintable') this.state = 'offline';
    const detail = err instanceof Error ? err.message : String(err);
    this.log(
      `Print job ${job.id} (attempt ${job.attempts}) failed: ${reason} (${detail}); ` +
        (retryAt ? `retrying at ${retryAt.toISOString()}.` : 'given up, it can be reprinted.'),
    );
    this.notify();
  }

  /**
   * The printer's own timeout should answer first; this is the backstop for one that never does.
   * It is longer because a transport applies its timeout per phase (connect, then send).
   */
  private withTimeout<T>(work: Promise<T>): Promise<T> {
    const ms = BACKSTOP_FACTOR * this.timeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(new Timeout(`no answer from the printer within ${ms} ms`)), ms);
      work.then(resolve, reject).finally(() => this.clock.clearTimeout(timer));
    });
  }

  private scheduleWake(): void {
    if (!this.running) return;
    const at = nextRetryAt(this.db);
    if (at === null) return;
    this.clearTimer('wakeTimer');
    this.wakeTimer = this.clock.setTimeout(() => this.kick(), Math.max(0, Date.parse(at) - this.clock.now()));
  }

  private scheduleProbe(): void {
    const every = this.opts.probeIntervalMs ?? 30_000;
    if (!this.running || every <= 0) return;
    this.probeTimer = this.clock.setTimeout(() => {
      void this.probe().finally(() => this.scheduleProbe());
    }, every);
  }

  private clearTimer(which: 'wakeTimer' | 'probeTimer'): void {
    if (this[which] !== null) this.clock.clearTimeout(this[which]);
    this[which] = null;
  }

  private date(): Date {
    return new Date(this.clock.now());
  }

  private notify(): void {
    this.opts.onStatus?.(this.status());
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }
}

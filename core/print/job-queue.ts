import { monotonicFactory } from 'ulid';
import { AppError } from '../contract/errors.js';
import type { Db } from '../db/connection.js';
import { appendEvent } from '../outbox/outbox.js';

/**
 * The job state machine both printers' queues share (slip: print_job, A4: a4_job): queued, printing
 * (claimed, one attempt), done, or failed with a reason; a failed job with next_attempt_at is retried
 * then, one without it waits for a reprint, a new job pointing back through reprint_of. Each state
 * change writes its outbox event (print.queued / print.done / print.failed) in the same transaction.
 */
export interface QueuedJob {
  id: string;
  state: 'queued' | 'printing' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
}

export interface JobQueueSpec<Payload, Job extends QueuedJob, Reason> {
  table: 'print_job' | 'a4_job';
  /** The column holding the JSON payload, and any columns derived from it. */
  insert(db: Db, id: string, payload: Payload, at: string, reprintOf: string | null): void;
  read(db: Db, id: string): Job | null;
  payloadOf(job: Job): Payload;
  /** The `kind` the events carry, plus any fields print.queued adds. */
  kindOf(payload: Payload): string;
  queuedFields?(payload: Payload): Record<string, unknown>;
  /** Stored as it is in the failure column. */
  reasonText(reason: Reason): string;
}

const nextId = monotonicFactory();

export class JobQueue<Payload, Job extends QueuedJob, Reason> {
  constructor(private readonly spec: JobQueueSpec<Payload, Job, Reason>) {}

  private get t(): string {
    return this.spec.table;
  }

  insert(db: Db, payload: Payload, reprintOf: string | null, now: Date): Job {
    const id = nextId(now.getTime());
    this.spec.insert(db, id, payload, now.toISOString(), reprintOf);
    const extra = this.spec.queuedFields?.(payload) ?? {};
    appendEvent(db, 'print.queued', { jobId: id, kind: this.spec.kindOf(payload), ...extra, ...(reprintOf ? { reprintOf } : {}) }, now);
    return this.spec.read(db, id)!;
  }

  get(db: Db, id: string): Job | null {
    return this.spec.read(db, id);
  }

  /** Ids, newest first. */
  recentIds(db: Db, limit: number): string[] {
    return (db.prepare(`SELECT id FROM ${this.t} ORDER BY rowid DESC LIMIT ?`).all(limit) as { id: string }[]).map((r) => r.id);
  }

  /** Waiting to print: queued, being printed, or failed with a retry still to come. */
  pendingCount(db: Db): number {
    const sql = `SELECT count(*) AS n FROM ${this.t} WHERE state IN ('queued', 'printing') OR (state = 'failed' AND next_attempt_at IS NOT NULL)`;
    return (db.prepare(sql).get() as { n: number }).n;
  }

  /** The earliest time a failed job is due for another attempt, or null when none is waiting. */
  nextRetryAt(db: Db): string | null {
    return (db.prepare(`SELECT min(next_attempt_at) AS at FROM ${this.t} WHERE state = 'failed'`).get() as { at: string | null }).at;
  }

  /** Brings every waiting retry forward to now (the printer is back); returns how many there were. */
  retryWaitingNow(db: Db, now: Date): number {
    const at = now.toISOString();
    return db.prepare(`UPDATE ${this.t} SET next_attempt_at = ?, updated_at = ? WHERE state = 'failed' AND next_attempt_at > ?`).run(at, at, at).changes;
  }

  /** Takes the oldest job due now, in queue order, and marks it printing (one attempt). Null when none is due. */
  claimNext(db: Db, now: Date): Job | null {
    const at = now.toISOString();
    return db.transaction(() => {
      const row = db
        .prepare(
          `SELECT id FROM ${this.t}
           WHERE state = 'queued' OR (state = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?)
           ORDER BY rowid LIMIT 1`,
        )
        .get(at) as { id: string } | undefined;
      if (!row) return null;
      db.prepare(`UPDATE ${this.t} SET state = 'printing', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(at, row.id);
      return this.spec.read(db, row.id);
    }).immediate();
  }

  /** A printing job has printed. False (and nothing written) when the job is not printing any more. */
  markDone(db: Db, id: string, now: Date): boolean {
    return db.transaction(() => {
      const changed = db
        .prepare(`UPDATE ${this.t} SET state = 'done', failure = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'printing'`)
        .run(now.toISOString(), id).changes;
      if (!changed) return false;
      const job = this.spec.read(db, id)!;
      appendEvent(db, 'print.done', { jobId: id, kind: this.spec.kindOf(this.spec.payloadOf(job)), attempts: job.attempts }, now);
      return true;
    })();
  }

  /** A printing job failed: tried again from `nextAttemptAt`, or with null given up on (an event records it) until a reprint. */
  markFailed(db: Db, id: string, reason: Reason, nextAttemptAt: Date | null, now: Date): boolean {
    return db.transaction(() => {
      const text = this.spec.reasonText(reason);
      const changed = db
        .prepare(`UPDATE ${this.t} SET state = 'failed', failure = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'printing'`)
        .run(text, nextAttemptAt?.toISOString() ?? null, now.toISOString(), id).changes;
      if (!changed) return false;
      if (!nextAttemptAt) {
        const job = this.spec.read(db, id)!;
        appendEvent(db, 'print.failed', { jobId: id, kind: this.spec.kindOf(this.spec.payloadOf(job)), reason: text, attempts: job.attempts }, now);
      }
      return true;
    })();
  }

  /**
   * Prints a job again. A finished job (printed, or given up on) is copied into a new job linked to
   * it. A job still pending is not doubled: it is returned as it is, a waiting retry moved to now, so
   * pressing "reprint" twice prints once. NOT_FOUND for an unknown job.
   */
  reprint(db: Db, jobId: string, now: Date): Job {
    return db.transaction(() => {
      const original = this.spec.read(db, jobId);
      if (!original) throw new AppError('NOT_FOUND');
      if (original.state === 'done' || (original.state === 'failed' && original.nextAttemptAt === null)) {
        return this.insert(db, this.spec.payloadOf(original), jobId, now);
      }
      if (original.nextAttemptAt !== null) {
        const at = now.toISOString();
        db.prepare(`UPDATE ${this.t} SET next_attempt_at = ?, updated_at = ? WHERE id = ?`).run(at, at, jobId);
      }
      return this.spec.read(db, jobId)!;
    })();
  }

  /**
   * Run once at start, before the worker: a job left printing by a crash goes back to queued. Whether
   * it reached the paper is unknown, so it may print twice rather than be lost. Returns how many.
   */
  recoverAfterRestart(db: Db, now: Date): number {
    return db.prepare(`UPDATE ${this.t} SET state = 'queued', updated_at = ? WHERE state = 'printing'`).run(now.toISOString()).changes;
  }
}

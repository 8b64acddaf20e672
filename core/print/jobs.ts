import { monotonicFactory } from 'ulid';
import { AppError } from '../contract/errors.js';
import { Slip, type PrintFailure, type PrintJob, type PrintJobState } from '../contract/print.js';
import type { Db } from '../db/connection.js';
import { appendEvent } from '../outbox/outbox.js';
import { InvalidSlipError } from './errors.js';

export { InvalidSlipError } from './errors.js';

/** A job as stored: the contract's PrintJob plus what the worker and a reprint need. */
export interface PrintJobRecord extends PrintJob {
  slip: Slip;
  /** When a failed job is tried again; null once given up on (and for any other state). */
  nextAttemptAt: string | null;
  reprintOf: string | null;
}

interface Row {
  id: string;
  kind: PrintJob['kind'];
  slip: string;
  state: PrintJobState;
  attempts: number;
  failure: PrintFailure | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  reprint_of: string | null;
}

const COLUMNS = 'id, kind, slip, state, attempts, failure, next_attempt_at, created_at, updated_at, reprint_of';
/** Waiting to print: queued, being printed, or failed with a retry still to come. */
const PENDING = "(state IN ('queued', 'printing') OR (state = 'failed' AND next_attempt_at IS NOT NULL))";

const nextId = monotonicFactory();
const enqueueListeners = new WeakMap<Db, Set<() => void>>();

function fromRow(r: Row): PrintJobRecord {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    failure: r.failure,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    slip: JSON.parse(r.slip) as Slip,
    nextAttemptAt: r.next_attempt_at,
    reprintOf: r.reprint_of,
  };
}

/** The contract's view of a job (no slip content), for the API. */
export function toPrintJob(job: PrintJobRecord): PrintJob {
  const { id, kind, state, attempts, failure, createdAt, updatedAt } = job;
  return { id, kind, state, attempts, failure, createdAt, updatedAt };
}

/** Calls `listener` after each job queued on this database (the worker's wake-up), once the write has committed. */
export function onEnqueue(db: Db, listener: () => void): () => void {
  let set = enqueueListeners.get(db);
  if (!set) enqueueListeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function insertJob(db: Db, slip: Slip, reprintOf: string | null, now: Date): PrintJobRecord {
  const at = now.toISOString();
  const id = nextId(now.getTime());
  db.prepare(
    `INSERT INTO print_job (id, kind, slip, state, attempts, created_at, updated_at, reprint_of) VALUES (?, ?, ?, 'queued', 0, ?, ?, ?)`,
  ).run(id, slip.kind, JSON.stringify(slip), at, at, reprintOf);
  appendEvent(db, 'print.queued', { jobId: id, kind: slip.kind, ...(reprintOf ? { reprintOf } : {}) }, now);
  enqueueListeners.get(db)?.forEach((l) => queueMicrotask(l));
  return getJob(db, id)!;
}

/** The slip with its defaults filled in; InvalidSlipError when it does not match the schema. */
export function validateSlip(slip: unknown): Slip {
  const parsed = Slip.safeParse(slip);
  if (!parsed.success) {
    throw new InvalidSlipError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}

/** Validates the slip and queues it. A slip that does not match the schema throws InvalidSlipError and writes nothing. */
export function enqueue(db: Db, slip: unknown, now: Date = new Date()): PrintJobRecord {
  const valid = validateSlip(slip);
  return db.transaction(() => insertJob(db, valid, null, now))();
}

export function getJob(db: Db, id: string): PrintJobRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM print_job WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** Newest first. */
export function listRecent(db: Db, limit = 50): PrintJobRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM print_job ORDER BY rowid DESC LIMIT ?`).all(limit) as Row[]).map(fromRow);
}

export function pendingCount(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM print_job WHERE ${PENDING}`).get() as { n: number }).n;
}

/** The earliest time a failed job is due for another attempt, or null when none is waiting. */
export function nextRetryAt(db: Db): string | null {
  const row = db.prepare("SELECT min(next_attempt_at) AS at FROM print_job WHERE state = 'failed'").get() as { at: string | null };
  return row.at;
}

/** Brings every waiting retry forward to now (the printer is back); returns how many there were. */
export function retryWaitingNow(db: Db, now: Date = new Date()): number {
  const at = now.toISOString();
  return db
    .prepare("UPDATE print_job SET next_attempt_at = ?, updated_at = ? WHERE state = 'failed' AND next_attempt_at > ?")
    .run(at, at, at).changes;
}

/**
 * Takes the oldest job that may print now (queued, or failed and due for its retry), in the order
 * the jobs were queued, and marks it printing; this counts as one attempt. Null when none is due.
 */
export function claimNext(db: Db, now: Date = new Date()): PrintJobRecord | null {
  const at = now.toISOString();
  return db.transaction(() => {
    const row = db
      .prepare(
        `SELECT id FROM print_job
         WHERE state = 'queued' OR (state = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?)
         ORDER BY rowid LIMIT 1`,
      )
      .get(at) as { id: string } | undefined;
    if (!row) return null;
    db.prepare("UPDATE print_job SET state = 'printing', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?").run(
      at,
      row.id,
    );
    return getJob(db, row.id);
  }).immediate();
}

/** A printing job has printed. False (and nothing written) when the job is not printing any more. */
export function markDone(db: Db, id: string, now: Date = new Date()): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare("UPDATE print_job SET state = 'done', failure = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'printing'")
      .run(now.toISOString(), id).changes;
    if (!changed) return false;
    const job = getJob(db, id)!;
    appendEvent(db, 'print.done', { jobId: id, kind: job.kind, attempts: job.attempts }, now);
    return true;
  })();
}

/**
 * A printing job failed. With `nextAttemptAt` it is tried again from then on; with null it has been
 * given up on (an outbox event records that) and only a reprint prints it.
 */
export function markFailed(db: Db, id: string, reason: PrintFailure, nextAttemptAt: Date | null, now: Date = new Date()): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare("UPDATE print_job SET state = 'failed', failure = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'printing'")
      .run(reason, nextAttemptAt?.toISOString() ?? null, now.toISOString(), id).changes;
    if (!changed) return false;
    if (!nextAttemptAt) {
      const job = getJob(db, id)!;
      appendEvent(db, 'print.failed', { jobId: id, kind: job.kind, reason, attempts: job.attempts }, now);
    }
    return true;
  })();
}

/**
 * Prints a job's slip again. A finished job (printed, or given up on) is copied into a new job
 * linked to it. A job still pending is not doubled: it is returned as it is, a waiting retry moved
 * to now, so a clerk pressing "reprint" twice gets one slip.
 */
export function reprint(db: Db, jobId: string, now: Date = new Date()): PrintJobRecord {
  return db.transaction(() => {
    const original = getJob(db, jobId);
    if (!original) throw new AppError('NOT_FOUND');
    if (original.state === 'done' || (original.state === 'failed' && original.nextAttemptAt === null)) {
      return insertJob(db, original.slip, jobId, now);
    }
    if (original.nextAttemptAt !== null) {
      const at = now.toISOString();
      db.prepare('UPDATE print_job SET next_attempt_at = ?, updated_at = ? WHERE id = ?').run(at, at, jobId);
      enqueueListeners.get(db)?.forEach((l) => queueMicrotask(l));
    }
    return getJob(db, jobId)!;
  })();
}

/**
 * Run once at start, before the worker: a job left 'printing' by a crash or a power cut goes back to
 * queued. Whether its bytes reached the paper is unknown, so a slip may be printed twice rather than
 * lost. Returns how many jobs were put back.
 */
export function recoverAfterRestart(db: Db, now: Date = new Date()): number {
  return db.prepare("UPDATE print_job SET state = 'queued', updated_at = ? WHERE state = 'printing'").run(now.toISOString()).changes;
}

import { Slip, type PrintFailure, type PrintJob, type PrintJobState } from '../contract/print.js';
import type { Db } from '../db/connection.js';
import { InvalidSlipError } from './errors.js';
import { JobQueue } from './job-queue.js';

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

/** The slip with its defaults filled in; InvalidSlipError when it does not match the schema. */
export function validateSlip(slip: unknown): Slip {
  const parsed = Slip.safeParse(slip);
  if (!parsed.success) {
    throw new InvalidSlipError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}

function read(db: Db, id: string): PrintJobRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM print_job WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

const queue = new JobQueue<Slip, PrintJobRecord, PrintFailure>({
  table: 'print_job',
  insert(db, id, slip, at, reprintOf) {
    db.prepare(
      `INSERT INTO print_job (id, kind, slip, state, attempts, created_at, updated_at, reprint_of) VALUES (?, ?, ?, 'queued', 0, ?, ?, ?)`,
    ).run(id, slip.kind, JSON.stringify(slip), at, at, reprintOf);
  },
  read,
  payloadOf: (job) => job.slip,
  kindOf: (slip) => slip.kind,
  reasonText: (reason) => reason,
});

function wake(db: Db): void {
  enqueueListeners.get(db)?.forEach((l) => queueMicrotask(l));
}

/** Validates the slip and queues it. A slip that does not match the schema throws InvalidSlipError and writes nothing. */
export function enqueue(db: Db, slip: unknown, now: Date = new Date()): PrintJobRecord {
  const valid = validateSlip(slip);
  const job = db.transaction(() => queue.insert(db, valid, null, now))();
  wake(db);
  return job;
}

export const getJob = (db: Db, id: string): PrintJobRecord | null => read(db, id);

/** Newest first. */
export function listRecent(db: Db, limit = 50): PrintJobRecord[] {
  return queue.recentIds(db, limit).map((id) => read(db, id)!);
}

export const pendingCount = (db: Db): number => queue.pendingCount(db);

/** The earliest time a failed job is due for another attempt, or null when none is waiting. */
export const nextRetryAt = (db: Db): string | null => queue.nextRetryAt(db);

/** Brings every waiting retry forward to now (the printer is back); returns how many there were. */
export const retryWaitingNow = (db: Db, now: Date = new Date()): number => queue.retryWaitingNow(db, now);

/** Takes the oldest job that may print now (queued, or failed and due), marks it printing (one attempt); null when none is due. */
export const claimNext = (db: Db, now: Date = new Date()): PrintJobRecord | null => queue.claimNext(db, now);

/** A printing job has printed. False (and nothing written) when the job is not printing any more. */
export const markDone = (db: Db, id: string, now: Date = new Date()): boolean => queue.markDone(db, id, now);

/** A printing job failed: retried from `nextAttemptAt`, or given up on (null, with an outbox event) until a reprint. */
export const markFailed = (db: Db, id: string, reason: PrintFailure, nextAttemptAt: Date | null, now: Date = new Date()): boolean =>
  queue.markFailed(db, id, reason, nextAttemptAt, now);

/** Prints a job's slip again (see JobQueue.reprint: a pending job is not doubled) and wakes the worker. */
export function reprint(db: Db, jobId: string, now: Date = new Date()): PrintJobRecord {
  const job = queue.reprint(db, jobId, now);
  wake(db);
  return job;
}

/** Run once at start, before the worker: a job left 'printing' by a crash goes back to queued (a slip twice rather than lost). */
export const recoverAfterRestart = (db: Db, now: Date = new Date()): number => queue.recoverAfterRestart(db, now);

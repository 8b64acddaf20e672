import { AppError } from '../contract/errors.js';
import { A4Document, type A4Job, type PrintJobState } from '../contract/print.js';
import type { Db } from '../db/connection.js';
import { JobQueue } from './job-queue.js';

/**
 * The counter's A4 printer queue, on the slip queue's state machine (core/print/job-queue.ts): jobs with a state,
 * attempts and the printer's reason when they fail, retried with backoff by the terminal's A4 worker,
 * reprinted as a new job pointing back. Outbox events are the slip jobs' print.queued/done/failed,
 * with kind 'a4'.
 */
export interface A4JobRecord extends A4Job {
  /** When a failed job is tried again; null once given up on (and for any other state). */
  nextAttemptAt: string | null;
  reprintOf: string | null;
}

interface Row {
  id: string;
  document: string;
  state: PrintJobState;
  attempts: number;
  failure: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  reprint_of: string | null;
}

const COLUMNS = 'id, document, state, attempts, failure, next_attempt_at, created_at, updated_at, reprint_of';

/** The A4 printer serving each terminal database (set by the terminal's A4 worker from A4_PRINTER) and its wake-ups. */
const printers = new WeakMap<Db, { uri: string; listeners: Set<() => void> }>();

/** Declares this database's A4 printer; until then (no A4_PRINTER) enqueueA4Job refuses with NO_A4_PRINTER. Returns the undo. */
export function attachA4Printer(db: Db, uri: string, onEnqueue: () => void): () => void {
  let entry = printers.get(db);
  if (!entry || entry.uri !== uri) printers.set(db, (entry = { uri, listeners: new Set() }));
  entry.listeners.add(onEnqueue);
  const mine = entry;
  return () => {
    mine.listeners.delete(onEnqueue);
    if (mine.listeners.size === 0 && printers.get(db) === mine) printers.delete(db);
  };
}

export function a4PrinterOf(db: Db): string | null {
  return printers.get(db)?.uri ?? null;
}

function wake(db: Db): void {
  printers.get(db)?.listeners.forEach((l) => queueMicrotask(l));
}

function fromRow(r: Row): A4JobRecord {
  return {
    id: r.id,
    document: JSON.parse(r.document) as A4Document,
    state: r.state,
    attempts: r.attempts,
    failure: r.failure,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    nextAttemptAt: r.next_attempt_at,
    reprintOf: r.reprint_of,
  };
}

/** The contract's view of a job, for the API. */
export function toA4Job(job: A4JobRecord): A4Job {
  const { id, document, state, attempts, failure, createdAt, updatedAt } = job;
  return { id, document, state, attempts, failure, createdAt, updatedAt };
}

function read(db: Db, id: string): A4JobRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM a4_job WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

const queue = new JobQueue<A4Document, A4JobRecord, string>({
  table: 'a4_job',
  insert(db, id, document, at, reprintOf) {
    db.prepare(
      `INSERT INTO a4_job (id, document, state, attempts, created_at, updated_at, reprint_of) VALUES (?, ?, 'queued', 0, ?, ?, ?)`,
    ).run(id, JSON.stringify(document), at, at, reprintOf);
  },
  read,
  payloadOf: (job) => job.document,
  kindOf: () => 'a4',
  queuedFields: (document) => ({ document: document.kind }),
  reasonText: (reason) => reason,
});

/**
 * Queues a document for the A4 printer, in the caller's transaction if there is one (a hand-over
 * and its print commit together). NO_A4_PRINTER, and nothing written, when the terminal has none.
 */
export function enqueueA4Job(db: Db, document: A4Document, now: Date): A4Job {
  if (!a4PrinterOf(db)) throw new AppError('NO_A4_PRINTER');
  const valid = A4Document.parse(document);
  const job = db.transaction(() => queue.insert(db, valid, null, now))();
  wake(db);
  return toA4Job(job);
}

export const getA4Job = (db: Db, id: string): A4JobRecord | null => read(db, id);

/** Newest first. */
export function listA4Jobs(db: Db, limit = 50): A4JobRecord[] {
  return queue.recentIds(db, limit).map((id) => read(db, id)!);
}

export const pendingA4Count = (db: Db): number => queue.pendingCount(db);
export const nextA4RetryAt = (db: Db): string | null => queue.nextRetryAt(db);
export const retryA4WaitingNow = (db: Db, now: Date): number => queue.retryWaitingNow(db, now);
export const claimNextA4 = (db: Db, now: Date): A4JobRecord | null => queue.claimNext(db, now);
export const markA4Done = (db: Db, id: string, now: Date): boolean => queue.markDone(db, id, now);
/** A printing job failed with the printer's reason: retried from `nextAttemptAt`, or given up on (null) until a reprint. */
export const markA4Failed = (db: Db, id: string, reason: string, nextAttemptAt: Date | null, now: Date): boolean =>
  queue.markFailed(db, id, reason, nextAttemptAt, now);
export const recoverA4AfterRestart = (db: Db, now: Date): number => queue.recoverAfterRestart(db, now);

/** Prints a job's document again (JobQueue.reprint); NOT_FOUND for an unknown job, NO_A4_PRINTER without a printer. */
export function reprintA4Job(db: Db, jobId: string, now: Date): A4JobRecord {
  if (!a4PrinterOf(db)) throw new AppError('NO_A4_PRINTER');
  const job = queue.reprint(db, jobId, now);
  wake(db);
  return job;
}

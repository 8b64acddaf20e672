import { monotonicFactory } from 'ulid';
import { AppError } from '../contract/errors.js';
import { A4Document, type A4Job, type PrintJobState } from '../contract/print.js';
import type { Db } from '../db/connection.js';
import { appendEvent } from '../outbox/outbox.js';

/**
 * The counter's A4 printer queue, kept like the slip queue (core/print/jobs.ts): jobs with a state,
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
const nextId = monotonicFactory();

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

function insertJob(db: Db, document: A4Document, reprintOf: string | null, now: Date): A4JobRecord {
  const at = now.toISOString();
  const id = nextId(now.getTime());
  db.prepare(
    `INSERT INTO a4_job (id, document, state, attempts, created_at, updated_at, reprint_of) VALUES (?, ?, 'queued', 0, ?, ?, ?)`,
  ).run(id, JSON.stringify(document), at, at, reprintOf);
  appendEvent(db, 'print.queued', { jobId: id, kind: 'a4', document: document.kind, ...(reprintOf ? { reprintOf } : {}) }, now);
  return getA4Job(db, id)!;
}

/**
 * Queues a document for the A4 printer, in the caller's transaction if there is one (a hand-over
 * and its print commit together). NO_A4_PRINTER, and nothing written, when the terminal has none.
 */
export function enqueueA4Job(db: Db, document: A4Document, now: Date): A4Job {
  if (!a4PrinterOf(db)) throw new AppError('NO_A4_PRINTER');
  const valid = A4Document.parse(document);
  const job = db.transaction(() => insertJob(db, valid, null, now))();
  wake(db);
  return toA4Job(job);
}

export function getA4Job(db: Db, id: string): A4JobRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM a4_job WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** Newest first. */
export function listA4Jobs(db: Db, limit = 50): A4JobRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM a4_job ORDER BY rowid DESC LIMIT ?`).all(limit) as Row[]).map(fromRow);
}

export function pendingA4Count(db: Db): number {
  const sql = "SELECT count(*) AS n FROM a4_job WHERE state IN ('queued', 'printing') OR (state = 'failed' AND next_attempt_at IS NOT NULL)";
  return (db.prepare(sql).get() as { n: number }).n;
}

/** The earliest time a failed job is due for another attempt, or null when none is waiting. */
export function nextA4RetryAt(db: Db): string | null {
  return (db.prepare("SELECT min(next_attempt_at) AS at FROM a4_job WHERE state = 'failed'").get() as { at: string | null }).at;
}

/** Brings every waiting retry forward to now (the printer answered again); returns how many there were. */
export function retryA4WaitingNow(db: Db, now: Date): number {
  const at = now.toISOString();
  return db.prepare("UPDATE a4_job SET next_attempt_at = ?, updated_at = ? WHERE state = 'failed' AND next_attempt_at > ?").run(at, at, at).changes;
}

/** Takes the oldest job due now and marks it printing (one attempt). Null when none is due. */
export function claimNextA4(db: Db, now: Date): A4JobRecord | null {
  const at = now.toISOString();
  return db.transaction(() => {
    const row = db
      .prepare(
        `SELECT id FROM a4_job WHERE state = 'queued' OR (state = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?)
         ORDER BY rowid LIMIT 1`,
      )
      .get(at) as { id: string } | undefined;
    if (!row) return null;
    db.prepare("UPDATE a4_job SET state = 'printing', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?").run(at, row.id);
    return getA4Job(db, row.id);
  }).immediate();
}

export function markA4Done(db: Db, id: string, now: Date): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare("UPDATE a4_job SET state = 'done', failure = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'printing'")
      .run(now.toISOString(), id).changes;
    if (!changed) return false;
    appendEvent(db, 'print.done', { jobId: id, kind: 'a4', attempts: getA4Job(db, id)!.attempts }, now);
    return true;
  })();
}

/** A printing job failed with the printer's reason: retried from `nextAttemptAt`, or given up on (null) until a reprint. */
export function markA4Failed(db: Db, id: string, reason: string, nextAttemptAt: Date | null, now: Date): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare("UPDATE a4_job SET state = 'failed', failure = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'printing'")
      .run(reason, nextAttemptAt?.toISOString() ?? null, now.toISOString(), id).changes;
    if (!changed) return false;
    if (!nextAttemptAt) appendEvent(db, 'print.failed', { jobId: id, kind: 'a4', reason, attempts: getA4Job(db, id)!.attempts }, now);
    return true;
  })();
}

/**
 * Prints a job's document again. A finished job (printed, or given up on) is copied into a new job
 * linked to it; a job still pending is returned as it is, a waiting retry moved to now, so pressing
 * "reprint" twice gives one page. NOT_FOUND for an unknown job; NO_A4_PRINTER without a printer.
 */
export function reprintA4Job(db: Db, jobId: string, now: Date): A4JobRecord {
  if (!a4PrinterOf(db)) throw new AppError('NO_A4_PRINTER');
  const job = db.transaction(() => {
    const original = getA4Job(db, jobId);
    if (!original) throw new AppError('NOT_FOUND');
    if (original.state === 'done' || (original.state === 'failed' && original.nextAttemptAt === null)) {
      return insertJob(db, original.document, jobId, now);
    }
    if (original.nextAttemptAt !== null) {
      const at = now.toISOString();
      db.prepare('UPDATE a4_job SET next_attempt_at = ?, updated_at = ? WHERE id = ?').run(at, at, jobId);
    }
    return getA4Job(db, jobId)!;
  })();
  wake(db);
  return job;
}

/** At start, before the worker: a job a crash left printing is queued again (a page twice rather than none). */
export function recoverA4AfterRestart(db: Db, now: Date): number {
  return db.prepare("UPDATE a4_job SET state = 'queued', updated_at = ? WHERE state = 'printing'").run(now.toISOString()).changes;
}

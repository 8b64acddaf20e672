import { SERVER_BODY_LIMIT_BYTES, ServerErrorBody, UPLOAD_MAX_EVENTS, UploadResponse, type UploadEvent } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/meta.js';
import { scrubAcknowledged } from '../outbox/scrub.js';
import { SyncRequestError, type SyncClient } from './client.js';

/**
 * One upload round of the outbox (DESIGN.md §5), with no timers: the terminal layer decides when.
 * The oldest unsent events go in device_seq order; on 2xx everything up to the server's cumulative
 * acknowledgement is marked sent and loses its personal data (core/outbox/scrub). A refusal of the events themselves (VALIDATION_FAILED, or events
 * the server answers as `refused` one by one) dead-letters the offending events and goes on; anything else (network, 5xx, a signature or clock problem) is
 * for the caller to retry later, with nothing marked.
 */
export type UploadRound =
  | { kind: 'idle' }
  | { kind: 'sent'; ackedThrough: number; marked: number; more: boolean }
  | { kind: 'dead-lettered'; seqs: number[] }
  | { kind: 'retry'; code: string; status: number | null };

export interface UploadStatus {
  /** Events waiting to go, dead letters not counted. */
  pending: number;
  /** Events the server refused; staff should look at them. */
  dead: number;
  lastSuccessAt: string | null;
  lastError: string | null;
}

export interface DeadLetter {
  deviceSeq: number;
  eventId: string;
  type: string;
  createdAt: string;
  deadAt: string;
  reason: string;
}

interface Row {
  device_seq: number;
  event_id: string;
  type: string;
  payload: string;
  created_at: string;
  dead_at: string | null;
}

export const UPLOAD_PATH = '/api/sync/events';
const LAST_SUCCESS = 'upload_last_success_at';
const LAST_ERROR = 'upload_last_error';
/** Half the server's body limit, so one oversized event cannot push a batch past it. */
const MAX_BATCH_BYTES = SERVER_BODY_LIMIT_BYTES / 2;

export interface UploaderOptions {
  /** Events per request, at most the server's limit. */
  maxEvents?: number;
  now?: () => Date;
}

export class Uploader {
  private readonly maxEvents: number;
  private readonly now: () => Date;
  /** After a refusal that did not say which event was wrong, events go one at a time until one is found. */
  private probing = false;

  constructor(
    private readonly db: Db,
    private readonly client: SyncClient,
    opts: UploaderOptions = {},
  ) {
    this.maxEvents = Math.min(opts.maxEvents ?? UPLOAD_MAX_EVENTS, UPLOAD_MAX_EVENTS);
    this.now = opts.now ?? (() => new Date());
  }

  /** The next batch: unsent events from the oldest, dead letters reported as skipped seqs. */
  nextBatch(): { events: UploadEvent[]; skipped: number[] } {
    const limit = this.probing ? 1 : this.maxEvents;
    const rows = this.db
      .prepare('SELECT device_seq, event_id, type, payload, created_at, dead_at FROM outbox WHERE sent_at IS NULL ORDER BY device_seq LIMIT ?')
      .all(limit) as Row[];
    const events: UploadEvent[] = [];
    const skipped: number[] = [];
    let bytes = 0;
    for (const r of rows) {
      if (r.dead_at) {
        skipped.push(r.device_seq);
        continue;
      }
      bytes += Buffer.byteLength(r.payload) + r.type.length + 120;
      if (events.length && bytes > MAX_BATCH_BYTES) break;
      events.push({ deviceSeq: r.device_seq, eventId: r.event_id, type: r.type, payload: JSON.parse(r.payload) as UploadEvent['payload'], createdAt: r.created_at });
    }
    return { events, skipped };
  }

  async round(): Promise<UploadRound> {
    const batch = this.nextBatch();
    if (!batch.events.length && !batch.skipped.length) return { kind: 'idle' };
    let answer: unknown;
    try {
      answer = await this.client.request('POST', UPLOAD_PATH, batch);
    } catch (err) {
      // Only the server's own word that the events are invalid dead-letters them, never a garbled answer.
      if (err instanceof SyncRequestError && err.code === 'VALIDATION_FAILED' && ServerErrorBody.safeParse(err.body).success) return this.refused(batch.events, err);
      const code = err instanceof SyncRequestError ? err.code : 'NETWORK';
      setMeta(this.db, LAST_ERROR, code);
      return { kind: 'retry', code, status: err instanceof SyncRequestError ? err.status : null };
    }
    const parsed = UploadResponse.safeParse(answer);
    // A 2xx whose body was cut off or mangled on the way says nothing: send again.
    if (!parsed.success) {
      setMeta(this.db, LAST_ERROR, 'NETWORK');
      return { kind: 'retry', code: 'NETWORK', status: null };
    }
    const { ackedThrough, refused } = parsed.data;
    const at = this.now().toISOString();
    const marked = this.db.transaction(() => {
      const n = this.db.prepare('UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND device_seq <= ?').run(at, ackedThrough).changes;
      setMeta(this.db, LAST_SUCCESS, at);
      setMeta(this.db, LAST_ERROR, '');
      return n;
    })();
    if (marked > 0) {
      this.probing = false;
      // Acknowledged: the server holds the personal data now, so this terminal lets it go.
      scrubAcknowledged(this.db, this.now());
    }
    // Events the server set aside one by one: dead letters, so the next round sends their seqs as skipped.
    const sent = new Set(batch.events.map((e) => e.deviceSeq));
    const setAside = new Map(refused.filter((r) => sent.has(r.deviceSeq)).map((r) => [r.deviceSeq, `${r.code}: ${r.reason}`]));
    if (setAside.size) return this.deadLetter(setAside);
    const highest = Math.max(...batch.events.map((e) => e.deviceSeq), ...batch.skipped);
    // Not acknowledged as far as we sent: the server lacks something below the batch (restored from
    // an older backup?). Retrying the same batch would not help; the caller backs off and staff see it.
    if (ackedThrough < highest && marked === 0) {
      setMeta(this.db, LAST_ERROR, 'ACK_GAP');
      return { kind: 'retry', code: 'ACK_GAP', status: null };
    }
    return { kind: 'sent', ackedThrough, marked, more: this.hasUnsent() };
  }

  private refused(events: UploadEvent[], err: SyncRequestError): UploadRound {
    const details = (err.body as { error?: { details?: { path: string; message: string }[] } } | null)?.error?.details ?? [];
    const located = new Map<number, string>();
    for (const d of details) {
      const m = /^events\.(\d+)(?:\.|$)/.exec(d.path);
      const e = m ? events[Number(m[1])] : undefined;
      if (e) located.set(e.deviceSeq, `${err.code}: ${d.path} ${d.message}`);
    }
    if (!located.size) {
      if (events.length > 1 || !events[0]) {
        this.probing = true;
        return { kind: 'retry', code: err.code, status: err.status };
      }
      located.set(events[0].deviceSeq, `${err.code} (${err.status ?? '-'})`);
    }
    return this.deadLetter(located);
  }

  /** Marks the events (seq → reason) dead, for staff to see; their seqs travel as skipped from now on. */
  private deadLetter(reasons: Map<number, string>): UploadRound {
    const at = this.now().toISOString();
    const mark = this.db.prepare('UPDATE outbox SET dead_at = ?, dead_reason = ? WHERE device_seq = ? AND dead_at IS NULL');
    this.db.transaction(() => {
      for (const [seq, reason] of reasons) mark.run(at, reason.slice(0, 500), seq);
    })();
    this.probing = false;
    return { kind: 'dead-lettered', seqs: [...reasons.keys()] };
  }

  private hasUnsent(): boolean {
    return !!this.db.prepare('SELECT 1 FROM outbox WHERE sent_at IS NULL LIMIT 1').get();
  }
}

export function uploadStatus(db: Db): UploadStatus {
  const count = (where: string) => (db.prepare(`SELECT count(*) AS n FROM outbox WHERE ${where}`).get() as { n: number }).n;
  return {
    pending: count('sent_at IS NULL AND dead_at IS NULL'),
    dead: count('dead_at IS NOT NULL'),
    lastSuccessAt: getMeta(db, LAST_SUCCESS),
    lastError: getMeta(db, LAST_ERROR) || null,
  };
}

/** What staff see: every event the server refused, oldest first. */
export function deadLetters(db: Db): DeadLetter[] {
  const rows = db.prepare('SELECT device_seq, event_id, type, created_at, dead_at, dead_reason FROM outbox WHERE dead_at IS NOT NULL ORDER BY device_seq').all() as {
    device_seq: number;
    event_id: string;
    type: string;
    created_at: string;
    dead_at: string;
    dead_reason: string | null;
  }[];
  return rows.map((r) => ({ deviceSeq: r.device_seq, eventId: r.event_id, type: r.type, createdAt: r.created_at, deadAt: r.dead_at, reason: r.dead_reason ?? '' }));
}

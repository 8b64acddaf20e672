import { ulid } from 'ulid';
import { OPINION_EVENT, OpinionFiled, type NewOpinion, type OpinionKind, type OpinionProgress } from '../contract/opinions.js';
import type { Db } from '../db/connection.js';
import { appendEvent } from '../outbox/outbox.js';
import { newTrackingCode } from './tracking-code.js';

/** What this terminal keeps of an opinion filed here. */
export interface LocalOpinion {
  id: string;
  trackingCode: string;
  kind: OpinionKind;
  phoneLast4: string | null;
  filedAt: string;
  /** The central server has the event (its outbox row is marked sent). */
  uploaded: boolean;
}

export interface FileOptions {
  now?: Date;
  /** Code generator, replaceable in tests to force a collision. */
  newCode?: () => string;
}

/**
 * Files an opinion: the local row (code, kind, phone's last four digits) and the outbox event with
 * the text and the full phone commit together. A code already used here is drawn again.
 */
export function fileOpinion(db: Db, input: NewOpinion, opts: FileOptions = {}): OpinionFiled {
  const now = opts.now ?? new Date();
  const newCode = opts.newCode ?? (() => newTrackingCode());
  const taken = db.prepare('SELECT 1 FROM opinion WHERE tracking_code = ?');
  return db.transaction((): OpinionFiled => {
    let code = newCode();
    for (let tries = 1; taken.get(code); tries++) {
      if (tries >= 50) throw new Error('no free tracking code after 50 tries');
      code = newCode();
    }
    const filed = OpinionFiled.parse({
      id: ulid(now.getTime()),
      trackingCode: code,
      kind: input.kind,
      text: input.text,
      prohibition: input.prohibition,
      phone: input.phone,
      filedAt: now.toISOString(),
    });
    const event = appendEvent(db, OPINION_EVENT, filed, now);
    db.prepare('INSERT INTO opinion (id, tracking_code, kind, phone_last4, filed_at, event_id) VALUES (?, ?, ?, ?, ?, ?)').run(
      filed.id,
      filed.trackingCode,
      filed.kind,
      lastFour(filed.phone),
      filed.filedAt,
      event.eventId,
    );
    return filed;
  })();
}

export function lastFour(phone: string | null): string | null {
  if (!phone) return null;
  return phone.replace(/\D/g, '').slice(-4);
}

export function findOpinion(db: Db, trackingCode: string): LocalOpinion | null {
  const row = db
    .prepare(
      `SELECT o.id, o.tracking_code, o.kind, o.phone_last4, o.filed_at, e.sent_at
         FROM opinion o LEFT JOIN outbox e ON e.event_id = o.event_id WHERE o.tracking_code = ?`,
    )
    .get(trackingCode) as { id: string; tracking_code: string; kind: OpinionKind; phone_last4: string | null; filed_at: string; sent_at: string | null } | undefined;
  if (!row) return null;
  return { id: row.id, trackingCode: row.tracking_code, kind: row.kind, phoneLast4: row.phone_last4, filedAt: row.filed_at, uploaded: row.sent_at !== null };
}

/**
 * Whether a lookup may see this opinion: one filed with a phone needs its last four digits; one
 * filed without needs none (digits given anyway are ignored, as the visitor may not remember).
 */
export function mayLookUp(o: LocalOpinion, last4: string | undefined): boolean {
  return o.phoneLast4 === null || o.phoneLast4 === last4;
}

/** Progress as this terminal alone knows it: received, no deadline or feedback yet. */
export function localProgress(o: LocalOpinion): OpinionProgress {
  return { trackingCode: o.trackingCode, kind: o.kind, state: 'received', filedAt: o.filedAt, deadline: null, feedback: null, received: o.uploaded };
}

import { RatingPrompt } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** The services a rating screen is asking about now: one per counter, until rated or expired. */

// A prompt stored before the matter became Localized holds its Chinese name as a plain string.
const upgrade = (doc: { matter?: unknown }) => (typeof doc.matter === 'string' ? { ...doc, matter: { 'zh-CN': doc.matter } } : doc);
const parse = (rows: { doc: string }[]) => rows.map((r) => RatingPrompt.parse(upgrade(JSON.parse(r.doc))));

export function putPrompt(db: Db, p: RatingPrompt): void {
  db.prepare('INSERT INTO rating_prompt (service_id, counter_no, doc, expires_at) VALUES (?, ?, ?, ?)').run(p.serviceId, p.counterNo, JSON.stringify(p), p.expiresAt);
}

export function deletePrompt(db: Db, serviceId: string): void {
  db.prepare('DELETE FROM rating_prompt WHERE service_id = ?').run(serviceId);
}

export function promptByService(db: Db, serviceId: string): RatingPrompt | null {
  return parse(db.prepare('SELECT doc FROM rating_prompt WHERE service_id = ?').all(serviceId) as { doc: string }[])[0] ?? null;
}

export function promptsOfCounter(db: Db, counterNo: number): RatingPrompt[] {
  return parse(db.prepare('SELECT doc FROM rating_prompt WHERE counter_no = ?').all(counterNo) as { doc: string }[]);
}

/** All open prompts, soonest to expire first (expiry times are ISO strings in UTC, so they sort as text). */
export function openPrompts(db: Db): RatingPrompt[] {
  return parse(db.prepare('SELECT doc FROM rating_prompt ORDER BY expires_at, service_id').all() as { doc: string }[]);
}

import { chainEntryOf, type RatingChainEntry } from '../common/rating-chain.js';
import { scrubbedPayload } from '../common/event-scrub.js';
import { RATING_EVENT } from '../contract/ratings.js';
import { checkpointTruncate, type Db } from '../db/connection.js';

/** What else on this terminal held an event's personal data, by event type: it goes with the event's. */
const LOCAL_COPIES: Readonly<Record<string, (db: Db, payload: Record<string, unknown>) => void>> = {
  [RATING_EVENT]: (db, p) => {
    const entry = chainEntryOf(p as unknown as RatingChainEntry);
    db.prepare('UPDATE rating SET doc = ? WHERE id = ?').run(JSON.stringify(entry), entry.id);
  },
};

/**
 * Takes the personal data out of every event the server has acknowledged (core/common/event-scrub),
 * and out of the rows that held it here; then empties the write-ahead log, so the old versions are
 * gone from the files too. Returns how many events were scrubbed. Idempotent: run it after every
 * acknowledgement and at start.
 */
export function scrubAcknowledged(db: Db, now: Date = new Date()): number {
  const rows = db.prepare('SELECT device_seq, type, payload FROM outbox WHERE sent_at IS NOT NULL AND scrubbed_at IS NULL ORDER BY device_seq').all() as {
    device_seq: number;
    type: string;
    payload: string;
  }[];
  if (!rows.length) return 0;
  const at = now.toISOString();
  const scrub = db.prepare('UPDATE outbox SET payload = ?, scrubbed_at = ? WHERE device_seq = ?');
  const nothingToScrub = db.prepare('UPDATE outbox SET scrubbed_at = ? WHERE device_seq = ?');
  let scrubbed = 0;
  db.transaction(() => {
    for (const r of rows) {
      const payload = JSON.parse(r.payload) as unknown;
      const kept = scrubbedPayload(r.type, payload);
      if (!kept) {
        nothingToScrub.run(at, r.device_seq);
        continue;
      }
      LOCAL_COPIES[r.type]?.(db, payload as Record<string, unknown>);
      scrub.run(JSON.stringify(kept), at, r.device_seq);
      scrubbed++;
    }
  })();
  if (scrubbed) checkpointTruncate(db);
  return scrubbed;
}

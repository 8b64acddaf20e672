import type { Migration } from '../migrate.js';

/**
 * Personal data leaves an event once the server has acknowledged it (core/outbox/scrub.ts, one rule
 * per event type): `scrubbed_at` says it has. That replaces migration 9's trigger, which blanked only
 * an opinion's phone. A rating row may now change once, and only into its chain entry (same seq,
 * ids and hashes, no content) after its event was uploaded; any other edit is still refused.
 */
export const m0017: Migration = {
  version: 17,
  name: 'retention',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN scrubbed_at TEXT;
      CREATE INDEX outbox_to_scrub ON outbox (device_seq) WHERE sent_at IS NOT NULL AND scrubbed_at IS NULL;
      DROP TRIGGER opinion_phone_forgotten;
      DROP TRIGGER rating_no_update;
      CREATE TRIGGER rating_no_update BEFORE UPDATE ON rating
        WHEN NOT (
          NEW.chain_seq IS OLD.chain_seq AND NEW.id IS OLD.id AND NEW.service_id IS OLD.service_id
          AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
          AND json_extract(NEW.doc, '$.hash') IS OLD.hash AND json_extract(NEW.doc, '$.chainSeq') IS OLD.chain_seq
          AND json_extract(NEW.doc, '$.recordedAt') IS NULL AND json_extract(NEW.doc, '$.level') IS NULL
          AND json_extract(NEW.doc, '$.comment') IS NULL AND json_extract(NEW.doc, '$.ticketNumber') IS NULL
          AND json_extract(NEW.doc, '$.clerkNumber') IS NULL AND json_extract(NEW.doc, '$.reasons') IS NULL
          AND EXISTS (SELECT 1 FROM outbox WHERE type = 'rating.recorded' AND sent_at IS NOT NULL AND json_extract(payload, '$.id') = OLD.id)
        )
      BEGIN SELECT RAISE(ABORT, 'ratings are append-only: an uploaded rating may only be reduced to its chain entry'); END;
    `);
  },
};

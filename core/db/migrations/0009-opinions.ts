import type { Migration } from '../migrate.js';

/**
 * Opinions and complaints dropped at this kiosk. Only what a progress lookup needs stays here: the
 * code, the kind, the phone's last four digits. The text and the full phone travel in the outbox
 * event (`event_id`), whose sent_at also tells whether the central server has it yet; the moment
 * the server acknowledges it, the trigger blanks the phone there (the office calls back from the
 * server's copy), so this terminal keeps a full phone only while it must.
 */
export const m0009: Migration = {
  version: 9,
  name: 'opinions',
  up(db) {
    db.exec(`
      CREATE TABLE opinion (
        id TEXT PRIMARY KEY,
        tracking_code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('opinion', 'suggestion', 'complaint', 'leadership-letter')),
        phone_last4 TEXT CHECK (phone_last4 IS NULL OR (length(phone_last4) = 4 AND phone_last4 NOT GLOB '*[^0-9]*')),
        filed_at TEXT NOT NULL,
        event_id TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TRIGGER opinion_phone_forgotten AFTER UPDATE OF sent_at ON outbox
        WHEN NEW.type = 'opinion.filed' AND NEW.sent_at IS NOT NULL AND json_extract(NEW.payload, '$.phone') IS NOT NULL
      BEGIN
        UPDATE outbox SET payload = json_set(payload, '$.phone', NULL) WHERE device_seq = NEW.device_seq;
      END;
    `);
  },
};

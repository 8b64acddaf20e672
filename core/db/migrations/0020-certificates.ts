import type { Migration } from '../migrate.js';

/**
 * Certificates (issue 13) as this terminal holds them: the server's document (holder code masked for a
 * citizen, the phone only as its last four) with the columns a search filters on, the verifying keys,
 * and what happened here: hand-overs (once per certificate; the ID only as a keyed hash and its last
 * four, the name and last four cleared when retention ends), reprints with their reason, and mail (the
 * waybill, the recipient and phone masked, the place without the street). print_job is rebuilt so its
 * kind admits the certificate slip and the hand-over receipt.
 */
export const m0020: Migration = {
  version: 20,
  name: 'certificates',
  up(db) {
    db.exec(`
      CREATE TABLE certificate (
        id TEXT PRIMARY KEY,
        hall TEXT NOT NULL,
        identifier TEXT NOT NULL UNIQUE,
        procedure_id TEXT NOT NULL,
        pickup_code TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        holder_code TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('ready', 'handed_over', 'mailed', 'revoked', 'superseded')),
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX certificate_pickup ON certificate (hall, pickup_code);
      CREATE INDEX certificate_holder_code ON certificate (hall, holder_code);

      CREATE TABLE certificate_key (
        key_id TEXT PRIMARY KEY,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;

      CREATE TABLE certificate_handover (
        id TEXT PRIMARY KEY,
        certificate_id TEXT NOT NULL UNIQUE REFERENCES certificate (id),
        channel TEXT NOT NULL CHECK (channel IN ('counter', 'kiosk')),
        recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('self', 'proxy')),
        recipient_name TEXT,
        id_type TEXT NOT NULL,
        id_hash TEXT CHECK (id_hash IS NULL OR length(id_hash) = 64),
        id_last4 TEXT,
        letter_checked INTEGER NOT NULL CHECK (letter_checked IN (0, 1)),
        counter TEXT NOT NULL,
        clerk TEXT,
        ticket_id TEXT,
        arrived_at TEXT,
        at TEXT NOT NULL,
        purged_at TEXT
      ) STRICT;
      CREATE INDEX certificate_handover_at ON certificate_handover (at) WHERE purged_at IS NULL;

      CREATE TABLE certificate_reprint (
        id TEXT PRIMARY KEY,
        certificate_id TEXT NOT NULL REFERENCES certificate (id),
        reason TEXT NOT NULL,
        counter TEXT NOT NULL,
        clerk TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX certificate_reprint_of ON certificate_reprint (certificate_id, at);

      CREATE TABLE certificate_mail (
        certificate_id TEXT PRIMARY KEY REFERENCES certificate (id),
        waybill TEXT NOT NULL,
        recipient_masked TEXT NOT NULL,
        phone_masked TEXT NOT NULL,
        place TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('recorded', 'posted', 'delivered')),
        posted_at TEXT,
        delivered_at TEXT,
        signer_masked TEXT,
        counter TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE print_job_new (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('ticket', 'checkin', 'checklist', 'tracking', 'certificate', 'handover-receipt')),
        slip TEXT NOT NULL CHECK (json_valid(slip)),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        failure TEXT CHECK (failure IN ('offline', 'timeout', 'disconnected', 'paper-out', 'unprintable')),
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        reprint_of TEXT REFERENCES print_job_new (id)
      ) STRICT;
      INSERT INTO print_job_new (id, kind, slip, state, attempts, failure, next_attempt_at, created_at, updated_at, reprint_of)
        SELECT id, kind, slip, state, attempts, failure, next_attempt_at, created_at, updated_at, reprint_of FROM print_job ORDER BY rowid;
      DROP TABLE print_job;
      ALTER TABLE print_job_new RENAME TO print_job;
      CREATE INDEX print_job_pending ON print_job (state, next_attempt_at, id) WHERE state IN ('queued', 'printing', 'failed');
      CREATE INDEX print_job_recent ON print_job (created_at);
    `);
  },
};

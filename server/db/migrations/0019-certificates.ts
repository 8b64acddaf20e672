import { sql, type Migration } from 'kysely';

/**
 * Issue 13: certificates. `certificates` holds each version as imported (doc: the CertificateDoc sent
 * to terminals; the holder's phone stays here only). Hand-overs, reprints and mail are facts from
 * terminals; a certificate is handed over once (the unique index), a later hand-over is a conflict.
 * Signing keys are SM2 pairs: the private key never leaves this table, the public one is synced.
 */
export const m0019: Migration = {
  async up(db) {
    for (const statement of [
      `CREATE TABLE certificate_keys (
        key_id text PRIMARY KEY,
        public_key text NOT NULL,
        private_key text NOT NULL,
        issuer text NOT NULL,
        active_from timestamptz NOT NULL,
        retired_at timestamptz
      )`,
      `CREATE TABLE certificates (
        id text PRIMARY KEY,
        hall text NOT NULL,
        identifier text NOT NULL UNIQUE,
        lineage text NOT NULL,
        version integer NOT NULL,
        template text NOT NULL,
        procedure_id text NOT NULL,
        holder_name text NOT NULL,
        holder_code text NOT NULL,
        number text NOT NULL,
        state text NOT NULL,
        delivery text NOT NULL,
        pickup_code text NOT NULL,
        phone text,
        issued_on text NOT NULL CHECK (issued_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        doc jsonb NOT NULL,
        ready_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (lineage, version)
      )`,
      `CREATE INDEX certificates_hall_state ON certificates (hall, state)`,
      `CREATE INDEX certificates_holder ON certificates (holder_code)`,
      `CREATE TABLE certificate_handovers (
        id text PRIMARY KEY,
        certificate_id text NOT NULL REFERENCES certificates (id),
        channel text NOT NULL,
        counter text NOT NULL,
        clerk text,
        terminal_id text NOT NULL,
        recipient_kind text NOT NULL,
        recipient_name text NOT NULL,
        id_type text NOT NULL,
        id_hash text NOT NULL,
        id_last4 text NOT NULL,
        letter_checked boolean NOT NULL,
        ticket_id text,
        arrived_at timestamptz,
        at timestamptz NOT NULL,
        immediate_seconds integer
      )`,
      `CREATE UNIQUE INDEX certificate_handovers_once ON certificate_handovers (certificate_id)`,
      `CREATE TABLE certificate_handover_conflicts (
        id text PRIMARY KEY,
        certificate_id text NOT NULL,
        terminal_id text NOT NULL,
        counter text NOT NULL,
        at timestamptz NOT NULL
      )`,
      `CREATE TABLE certificate_reprints (
        id text PRIMARY KEY,
        certificate_id text NOT NULL REFERENCES certificates (id),
        reason text NOT NULL,
        counter text NOT NULL,
        clerk text,
        terminal_id text NOT NULL,
        at timestamptz NOT NULL
      )`,
      `CREATE INDEX certificate_reprints_at ON certificate_reprints (at)`,
      `CREATE TABLE certificate_mail (
        certificate_id text PRIMARY KEY REFERENCES certificates (id),
        waybill text NOT NULL,
        address jsonb NOT NULL,
        state text NOT NULL,
        posted_at timestamptz,
        delivered_at timestamptz,
        signer text,
        counter text NOT NULL,
        clerk text,
        at timestamptz NOT NULL
      )`,
      `CREATE INDEX certificate_mail_waybill ON certificate_mail (waybill)`,
    ])
      await sql.raw(statement).execute(db);
  },
};

import { sql, type Migration } from 'kysely';

/**
 * Issue 5 on the central server: staff sign-in sessions, the new staff roles (office, department,
 * inspector) with the department a `department` account answers for, ratings as uploaded (one row
 * per terminal chain row, kept verbatim so the chain can be recomputed), follow-up cases of bad
 * ratings, complaints and other opinions with their steps, and one feed sequence the supervision
 * pages poll. Dates (filed_on, deadline) are hall-local dates as text.
 */
export const m0006: Migration = {
  async up(db) {
    for (const s of [
      `ALTER TABLE staff DROP CONSTRAINT staff_role_check`,
      `ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('clerk', 'supervisor', 'admin', 'office', 'department', 'inspector'))`,
      `ALTER TABLE staff ADD COLUMN unit text`,
      `CREATE TABLE staff_sessions (
        token_hash text PRIMARY KEY,
        staff_id text NOT NULL REFERENCES staff (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`,
      `CREATE TABLE ratings (
        id text PRIMARY KEY,
        terminal_id text NOT NULL,
        device_id text NOT NULL,
        chain_seq integer NOT NULL CHECK (chain_seq >= 1),
        service_id text NOT NULL,
        ticket_number text NOT NULL,
        counter_no integer NOT NULL,
        clerk_number text NOT NULL,
        service text NOT NULL,
        matter text NOT NULL,
        level integer CHECK (level BETWEEN 1 AND 5),
        reasons jsonb NOT NULL,
        comment text,
        channel text NOT NULL,
        -- Exactly as the terminal wrote it: the hash covers these characters.
        recorded_at text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        day text NOT NULL,
        duplicate boolean NOT NULL,
        received_at timestamptz NOT NULL,
        UNIQUE (device_id, chain_seq)
      )`,
      // One counted rating per service, whichever terminal it came through.
      `CREATE UNIQUE INDEX ratings_counted_service ON ratings (service_id) WHERE NOT duplicate`,
      `CREATE INDEX ratings_day ON ratings (day)`,
      `CREATE TABLE rating_cases (
        id text PRIMARY KEY,
        rating_id text NOT NULL UNIQUE REFERENCES ratings (id),
        state text NOT NULL CHECK (state IN ('open', 'visited', 'resolved', 'fed-back', 'closed')),
        opened_at timestamptz NOT NULL,
        filed_on text NOT NULL,
        deadline text NOT NULL,
        outcome text CHECK (outcome IN ('fixed', 'fixed-by-deadline', 'explained', 'appealed')),
        fix_by text,
        escalated_at timestamptz
      )`,
      `CREATE TABLE rating_case_steps (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id text NOT NULL REFERENCES rating_cases (id),
        action text NOT NULL,
        note text,
        by_login text,
        at timestamptz NOT NULL
      )`,
      `CREATE TABLE complaints (
        id text PRIMARY KEY,
        tracking_code text NOT NULL UNIQUE,
        terminal_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('opinion', 'suggestion', 'complaint', 'leadership-letter')),
        text text NOT NULL,
        prohibition integer CHECK (prohibition BETWEEN 1 AND 11),
        phone text,
        filed_at text NOT NULL,
        filed_on text NOT NULL,
        received_at timestamptz NOT NULL,
        deadline text NOT NULL,
        state text NOT NULL CHECK (state IN ('received', 'assigned', 'responded', 'fed-back', 'closed')),
        department text,
        response text,
        feedback text,
        escalated_at timestamptz
      )`,
      `CREATE INDEX complaints_state ON complaints (state, deadline)`,
      `CREATE TABLE complaint_steps (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        complaint_id text NOT NULL REFERENCES complaints (id),
        action text NOT NULL,
        note text,
        by_login text,
        department text,
        at timestamptz NOT NULL
      )`,
      `CREATE TABLE supervision_feed (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('rating', 'case', 'complaint')),
        ref text NOT NULL,
        at timestamptz NOT NULL
      )`,
    ])
      await sql.raw(s).execute(db);
  },
};

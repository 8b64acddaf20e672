import { sql, type Migration } from 'kysely';

/**
 * The hall queue (issue 4): hall configs, appointments, tickets numbered per hall, line and day,
 * counter actions kept by action id (so a repeated or re-uploaded action changes nothing) and who
 * is at which counter. Days are the hall's local dates as text (YYYY-MM-DD), never a timestamp.
 */
export const m0005: Migration = {
  async up(db) {
    for (const s of [
      `CREATE TABLE hall_configs (
        hall text PRIMARY KEY,
        doc jsonb NOT NULL,
        imported_at timestamptz NOT NULL
      )`,
      `CREATE TABLE appointments (
        id text PRIMARY KEY,
        code text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
        hall text NOT NULL,
        enterprise text NOT NULL,
        phone text NOT NULL,
        matter text NOT NULL,
        procedure_code text,
        service text NOT NULL,
        day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        time_from text NOT NULL,
        time_to text NOT NULL,
        state text NOT NULL CHECK (state IN ('booked', 'checked-in', 'cancelled')),
        ticket_id text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        checked_in_at timestamptz
      )`,
      // A code read out on the phone names one booked appointment.
      `CREATE UNIQUE INDEX appointments_booked_code ON appointments (code) WHERE state = 'booked'`,
      `CREATE INDEX appointments_hall_day ON appointments (hall, day)`,
      `CREATE TABLE tickets (
        id text PRIMARY KEY,
        hall text NOT NULL,
        day text NOT NULL,
        number text NOT NULL,
        service text NOT NULL,
        state text NOT NULL CHECK (state IN ('waiting', 'called', 'parked', 'done', 'no-show')),
        appointment_id text,
        enterprise text,
        issued_at timestamptz NOT NULL,
        offline boolean NOT NULL,
        counter_no integer,
        called_at timestamptz,
        called_by text,
        call_count integer NOT NULL DEFAULT 0,
        finished_at timestamptz,
        -- Arrival order on the server, never a terminal's clock; a transfer keeps it.
        arrival bigint GENERATED ALWAYS AS IDENTITY,
        terminal_id text,
        UNIQUE (hall, day, number)
      )`,
      `CREATE INDEX tickets_live ON tickets (hall, day, state, service, arrival)`,
      `CREATE TABLE ticket_numbers (
        hall text NOT NULL,
        day text NOT NULL,
        service text NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (hall, day, service)
      )`,
      `CREATE TABLE queue_actions (
        action_id text PRIMARY KEY,
        hall text NOT NULL,
        action text NOT NULL,
        ticket_id text,
        outcome text NOT NULL CHECK (outcome IN ('applied', 'none', 'conflict', 'not-found')),
        source text NOT NULL CHECK (source IN ('api', 'event')),
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL
      )`,
      `CREATE TABLE counter_presence (
        hall text NOT NULL,
        counter_no integer NOT NULL,
        staff text,
        state text NOT NULL CHECK (state IN ('in', 'away', 'out')),
        since timestamptz NOT NULL,
        PRIMARY KEY (hall, counter_no)
      )`,
    ])
      await sql.raw(s).execute(db);
  },
};

import { sql, type Migration } from 'kysely';

/**
 * Issue 11: ratings the server can vouch for. A chain is the uploading terminal's own (one row per
 * terminal and chain position, not per device id a payload names). A rating keeps the row exactly as
 * its terminal hashed it (`record`) beside the server's own facts of the service (`ticket_id`, and the
 * counter, clerk and matter columns, filled from the ticket). A rating of a service the server does
 * not yet hold as finished waits in `pending_ratings`. A terminal reports the head of its rating chain
 * with its heartbeat, so a chain that stops short of it is found.
 */
export const m0012: Migration = {
  async up(db) {
    for (const statement of [
      `ALTER TABLE ratings ADD COLUMN record jsonb`,
      `ALTER TABLE ratings ADD COLUMN ticket_id text`,
      `ALTER TABLE ratings DROP CONSTRAINT ratings_device_id_chain_seq_key`,
      `ALTER TABLE ratings ADD CONSTRAINT ratings_terminal_chain_seq UNIQUE (terminal_id, chain_seq)`,
      `CREATE TABLE pending_ratings (
        event_id text PRIMARY KEY REFERENCES events (event_id),
        terminal_id text NOT NULL REFERENCES terminals (id),
        rating_id text NOT NULL,
        service_id text NOT NULL,
        -- The terminal's time of the rating, its reported clock offset applied.
        recorded_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL
      )`,
      `ALTER TABLE terminals ADD COLUMN rating_head_seq integer`,
      `ALTER TABLE terminals ADD COLUMN rating_head_hash text`,
    ])
      await sql.raw(statement).execute(db);
  },
};

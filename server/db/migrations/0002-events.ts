import { sql, type Kysely, type Migration } from 'kysely';

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

/**
 * Events uploaded by terminals (DESIGN.md §5). A terminal's events are keyed by its device_seq, so a
 * re-sent batch inserts nothing twice. event_acks keeps, per terminal, the highest device_seq up to
 * which nothing is missing, so an upload only looks at the seqs above it. event_skips holds the seqs
 * a terminal dead-lettered (the server refused them), so they do not block the acknowledgement.
 */
export const m0002: Migration = {
  async up(db) {
    await run(db, [
      `CREATE TABLE events (
        terminal_id text NOT NULL REFERENCES terminals (id),
        device_seq bigint NOT NULL CHECK (device_seq > 0),
        event_id text NOT NULL UNIQUE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (terminal_id, device_seq)
      )`,
      `CREATE TABLE event_skips (
        terminal_id text NOT NULL REFERENCES terminals (id),
        device_seq bigint NOT NULL CHECK (device_seq > 0),
        received_at timestamptz NOT NULL,
        PRIMARY KEY (terminal_id, device_seq)
      )`,
      `CREATE TABLE event_acks (
        terminal_id text PRIMARY KEY REFERENCES terminals (id),
        acked_through bigint NOT NULL DEFAULT 0
      )`,
    ]);
  },
};

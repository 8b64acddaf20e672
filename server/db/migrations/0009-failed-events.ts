import { sql, type Migration } from 'kysely';

/**
 * Uploaded events the server stored but could not apply (a rating that did not reach the ratings,
 * a complaint that did not reach the workflow), with the reason. `server:admin -- events reapply`
 * tries them again after a fix: one that applies is marked resolved (kept, so the history stays),
 * one that still fails keeps its place with the new reason. The reason is an error's code and
 * message, never the event's payload.
 */
export const m0009: Migration = {
  async up(db) {
    await sql`CREATE TABLE failed_events (
      event_id text PRIMARY KEY REFERENCES events (event_id),
      terminal_id text NOT NULL REFERENCES terminals (id),
      device_seq bigint NOT NULL,
      type text NOT NULL,
      reason text NOT NULL,
      attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
      first_failed_at timestamptz NOT NULL,
      last_failed_at timestamptz NOT NULL,
      resolved_at timestamptz
    )`.execute(db);
    await sql`CREATE INDEX failed_events_open ON failed_events (terminal_id, device_seq) WHERE resolved_at IS NULL`.execute(db);
  },
};

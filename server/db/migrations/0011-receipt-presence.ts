import { sql, type Migration } from 'kysely';

/**
 * Issue 10. A ticket keeps when the server first learned of it (`received_at`) beside the time the
 * device stamped (`issued_at`, kept as sent): a terminal with a wrong clock can be told from one that
 * issued offline. (Uploaded events keep both already: events.created_at and received_at.)
 *
 * A counter's presence is set by a presence change, an outbox event like any other: `event_id` names
 * the change that set it, so the same change sent online and then uploaded applies once, and `since`
 * is that change's time, so a late offline change never overwrites a newer one. `received_at` is when
 * the server got it, and `overridden_by` the supervisor who let a clerk take a counter in use.
 */
export const m0011: Migration = {
  async up(db) {
    for (const statement of [
      `ALTER TABLE tickets ADD COLUMN received_at timestamptz`,
      `UPDATE tickets SET received_at = issued_at`,
      `ALTER TABLE tickets ALTER COLUMN received_at SET NOT NULL`,
      `ALTER TABLE counter_presence ADD COLUMN event_id text`,
      `ALTER TABLE counter_presence ADD COLUMN received_at timestamptz`,
      `UPDATE counter_presence SET received_at = since`,
      `ALTER TABLE counter_presence ALTER COLUMN received_at SET NOT NULL`,
      `ALTER TABLE counter_presence ADD COLUMN overridden_by text`,
    ])
      await sql.raw(statement).execute(db);
  },
};

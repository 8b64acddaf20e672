import { sql, type Migration } from 'kysely';

/** Cancelling an appointment: who, when, why, and the request that did it (a retry of it changes nothing). */
export const m0008: Migration = {
  async up(db) {
    await sql`ALTER TABLE appointments
      ADD COLUMN cancelled_by text,
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancel_reason text,
      ADD COLUMN cancel_request_id text`.execute(db);
  },
};

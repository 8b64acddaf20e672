import { sql, type Migration } from 'kysely';

/**
 * Issue 12: visitors see people, not logins. A staff record carries, beside its Chinese display name
 * (`name`), an optional Latin form for the en and ru screens and a photo (a JPEG the server made from
 * the administrator's file, see staff/photo.ts). A password reset from the supervision pages is logged
 * in `staff_resets`: who reset whose password and when, never the password.
 */
export const m0018: Migration = {
  async up(db) {
    for (const statement of [
      `ALTER TABLE staff ADD COLUMN latin_name text`,
      `ALTER TABLE staff ADD COLUMN photo bytea`,
      `CREATE TABLE staff_resets (
        id text PRIMARY KEY,
        at timestamptz NOT NULL,
        by_login text NOT NULL,
        login text NOT NULL
      )`,
      `CREATE INDEX staff_resets_at ON staff_resets (at)`,
    ])
      await sql.raw(statement).execute(db);
  },
};

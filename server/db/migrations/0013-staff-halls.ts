import { sql, type Migration } from 'kysely';

/**
 * Issue 11: a clerk belongs to the hall they serve (`staff.hall`; other roles serve no counter), and a
 * clerk signed in at a counter while the server answered holds a server-issued counter session, bound
 * to the terminal and the counter. A queue action records whether such a session vouched for its
 * clerk; one from the outbox (taken offline) did not. Actions from before this step were online.
 */
export const m0013: Migration = {
  async up(db) {
    for (const statement of [
      `ALTER TABLE staff ADD COLUMN hall text`,
      `CREATE TABLE counter_sessions (
        token_hash text PRIMARY KEY,
        staff_id text NOT NULL REFERENCES staff (id),
        hall text NOT NULL,
        terminal_id text NOT NULL,
        counter_no integer NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`,
      `ALTER TABLE queue_actions ADD COLUMN confirmed boolean NOT NULL DEFAULT false`,
      `UPDATE queue_actions SET confirmed = (source = 'api')`,
    ])
      await sql.raw(statement).execute(db);
  },
};

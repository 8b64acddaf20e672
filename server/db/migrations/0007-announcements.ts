import { sql, type Migration } from 'kysely';

export const m0007: Migration = {
  async up(db) {
    await sql`CREATE TABLE announcements (
      id text PRIMARY KEY,
      hall text NOT NULL,
      doc jsonb NOT NULL,
      starts date NOT NULL,
      ends date NOT NULL,
      created_at timestamptz NOT NULL
    )`.execute(db);
  },
};

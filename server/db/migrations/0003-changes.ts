import { sql, type Kysely, type Migration } from 'kysely';

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export const m0003: Migration = {
  async up(db) {
    await run(db, [
      // The one global sequence of server-side changes terminals download (DESIGN.md §5).
      `CREATE TABLE changes (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entity text NOT NULL,
        key text NOT NULL,
        op text NOT NULL CHECK (op IN ('upsert', 'delete')),
        data jsonb,
        created_at timestamptz NOT NULL
      )`,
      // Changes with seq <= pruned_through are gone; a cursor below it gets a snapshot instead.
      `CREATE TABLE change_retention (
        id integer PRIMARY KEY CHECK (id = 1),
        pruned_through bigint NOT NULL
      )`,
      `INSERT INTO change_retention (id, pruned_through) VALUES (1, 0)`,
      // The current catalog as the administrator imported it (one row).
      `CREATE TABLE catalog (
        id integer PRIMARY KEY CHECK (id = 1),
        doc jsonb NOT NULL,
        hash text NOT NULL,
        imported_at timestamptz NOT NULL
      )`,
    ]);
  },
};

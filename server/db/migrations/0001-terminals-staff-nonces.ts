import { sql, type Kysely, type Migration } from 'kysely';

/** One statement per call: PGlite's extended protocol takes a single statement at a time. */
async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export const m0001: Migration = {
  async up(db) {
    await run(db, [
      `CREATE TABLE terminals (
        id text PRIMARY KEY,
        name text NOT NULL,
        hall text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['kiosk', 'counter', 'rating', 'hall']),
        device_id text,
        public_key text UNIQUE,
        enroll_code_hash text UNIQUE,
        enroll_code_expires_at timestamptz,
        enrolled_at timestamptz,
        disabled_at timestamptz,
        last_seen_at timestamptz,
        reported_version text,
        reported_backlog integer,
        reported_clock_offset_ms bigint,
        created_at timestamptz NOT NULL,
        CHECK ((enrolled_at IS NULL) = (public_key IS NULL))
      )`,
      `CREATE TABLE staff (
        id text PRIMARY KEY,
        login text NOT NULL UNIQUE,
        name text NOT NULL,
        number text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        disabled_at timestamptz
      )`,
      // A nonce is kept until its request's timestamp leaves the acceptance window, so a replay is
      // refused even after a restart.
      `CREATE TABLE nonces (
        terminal_id text NOT NULL REFERENCES terminals (id),
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (terminal_id, nonce)
      )`,
      `CREATE INDEX nonces_expiry ON nonces (expires_at)`,
    ]);
  },
};

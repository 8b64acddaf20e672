import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ulid } from 'ulid';
import { migrateServerDb, openServerDb, type DbTarget, type ServerDb } from './db/connection.js';
import { pglitePool } from './db/pglite-pool.js';
import type { ServerSchema } from './db/schema.js';

/**
 * Fresh server databases for tests, on every backend the run has: embedded PGlite always, real
 * PostgreSQL when DATABASE_URL is set. In CI (CI=true) PostgreSQL is required: a missing or
 * unreachable DATABASE_URL fails the suites rather than skipping them.
 */
export interface TestDb {
  db: ServerDb;
  /** How a subprocess (the admin CLI) reaches the same database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A database a subprocess can open too (one process at a time for PGlite). */
export interface SharedDb {
  env: Record<string, string>;
  connect(): Promise<ServerDb>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDb>;
  openShared(): Promise<SharedDb>;
}

const MIGRATIONS_DIR = new URL('./db/migrations/', import.meta.url);

// initdb in WebAssembly takes seconds; a migrated data directory is made once and loaded per test.
async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256').update(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) hash.update(f).update(readFileSync(new URL(f, MIGRATIONS_DIR)));
  const file = join(tmpdir(), `hall-server-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const pgl = new PGlite();
    const db = new Kysely<ServerSchema>({ dialect: new PostgresDialect({ pool: pglitePool(pgl) }) });
    await migrateServerDb(db);
    const dump = await pgl.dumpDataDir('none');
    await db.destroy();
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
    renameSync(part, file);
  }
  return new Blob([readFileSync(file)]);
}

let template: Promise<Blob> | undefined;

const pglite: Backend = {
  name: 'pglite',
  async open() {
    template ??= pgliteTemplate();
    const db = await openServerDb({ kind: 'pglite', template: await template });
    return { db, env: {}, close: () => db.destroy() };
  },
  async openShared() {
    template ??= pgliteTemplate();
    const dir = mkdtempSync(join(tmpdir(), 'hall-server-'));
    const seed = new PGlite(join(dir, 'pgdata'), { loadDataDir: await template });
    await seed.waitReady;
    await seed.close();
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      connect: () => openServerDb({ kind: 'pglite', dir: join(dir, 'pgdata') }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Each suite gets its own schema in DATABASE_URL's database, dropped afterwards. */
async function freshSchema(): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('CI needs a PostgreSQL server: DATABASE_URL is not set (see .ci/run)');
  const schema = `t_${ulid().toLowerCase()}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  return { url, schema, drop: () => adminQuery(url, `DROP SCHEMA ${schema} CASCADE`) };
}

const postgres: Backend = {
  name: 'postgres',
  async open() {
    const { url, schema, drop } = await freshSchema();
    const target: DbTarget = { kind: 'postgres', url, schema };
    const db = await openServerDb(target).catch(async (err: unknown) => {
      await drop();
      throw err;
    });
    return {
      db,
      env: { DATABASE_URL: withSchema(url, schema) },
      async close() {
        await db.destroy();
        await drop();
      },
    };
  },
  async openShared() {
    const { url, schema, drop } = await freshSchema();
    return { env: { DATABASE_URL: withSchema(url, schema) }, connect: () => openServerDb({ kind: 'postgres', url, schema }), cleanup: drop };
  },
};

const inCi = !!process.env.CI && process.env.CI !== 'false';

export const backends: Backend[] = process.env.DATABASE_URL || inCi ? [pglite, postgres] : [pglite];

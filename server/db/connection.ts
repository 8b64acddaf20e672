import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type PostgresPool } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { SERVER_MIGRATIONS } from './migrations/index.js';
import { lockDataDir } from './pglite-lock.js';
import { pglitePool } from './pglite-pool.js';
import type { ServerSchema } from './schema.js';

export type ServerDb = Kysely<ServerSchema>;

export type DbTarget =
  | { kind: 'postgres'; url: string; schema?: string }
  /** dir undefined: in memory; template: a dumped data directory to start from (tests). */
  | { kind: 'pglite'; dir?: string; template?: Blob };

function makePool(target: DbTarget): PostgresPool {
  if (target.kind === 'postgres') {
    return new pg.Pool({
      connectionString: target.url,
      max: 10,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
  }
  if (!target.dir) return pglitePool(new PGlite(target.template ? { loadDataDir: target.template } : {}));
  mkdirSync(dirname(target.dir), { recursive: true });
  const unlock = lockDataDir(target.dir);
  try {
    return pglitePool(new PGlite(target.dir, target.template ? { loadDataDir: target.template } : {}), unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Opens the server database and brings its schema up to date. */
export async function openServerDb(target: DbTarget): Promise<ServerDb> {
  const db = new Kysely<ServerSchema>({ dialect: new PostgresDialect({ pool: makePool(target) }) });
  try {
    await migrateServerDb(db);
    return db;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

export async function migrateServerDb(db: ServerDb): Promise<void> {
  // The migration tables live in the schema we work in; otherwise Kysely would take a same-named
  // table anywhere in the database for ours.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => SERVER_MIGRATIONS }, migrationTableSchema: rows[0]!.schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Server database migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogFile } from '../contract/catalog.js';
import { openDatabase, type Db } from '../db/connection.js';

/** Test support for the catalog: the seed file, temp databases and a snapshot of what an import touches. */

export const SEED_FILE = fileURLToPath(new URL('../../assets/catalog/commerce.json', import.meta.url));
export const seedText = (): string => readFileSync(SEED_FILE, 'utf8');
export const seedCatalog = (): CatalogFile => JSON.parse(seedText()) as CatalogFile;

export function tempDb(): { db: Db; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-test-'));
  const db = openDatabase(join(dir, 'terminal.sqlite'));
  return {
    db,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything a catalog import may change, so a failed import can be shown to have changed nothing. */
export function snapshot(db: Db): unknown {
  const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const meta = (key: string): string | null =>
    (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  return {
    categories: count('categories'),
    departments: count('departments'),
    prohibitions: count('prohibitions'),
    procedures: count('procedures'),
    outbox: count('outbox'),
    hash: meta('catalog_hash'),
    importedAt: meta('catalog_imported_at'),
    rows: db.prepare('SELECT id, code, doc FROM procedures ORDER BY code').all(),
  };
}

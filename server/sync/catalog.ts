import { createHash } from 'node:crypto';
import { validateCatalogText, type CatalogIssue } from '../../core/common/catalog-validate.js';
import { asCatalogIssues, hallCatalogIssues } from '../../core/common/hall-catalog.js';
import type { ServerDb } from '../db/connection.js';
import { listHallConfigs } from '../halls/repository.js';
import { appendChange } from './append.js';

export type ServerCatalogImport =
  | { ok: true; seq: number; procedures: number; categories: number; hash: string }
  | { ok: false; issues: CatalogIssue[] };

/**
 * Validates exactly as a terminal does, then against every configured hall (a live procedure no line
 * serves, a line's procedure the file drops, a place naming a window the hall contradicts); an
 * invalid file changes nothing. A valid one replaces the server's catalog and appends one 'catalog'
 * change carrying the whole file, in one transaction.
 */
export async function importServerCatalog(db: ServerDb, text: string, now: Date): Promise<ServerCatalogImport> {
  const result = validateCatalogText(text);
  if (!result.ok) return { ok: false, issues: result.issues };
  const catalog = result.catalog;
  const disagree = hallCatalogIssues(await listHallConfigs(db), catalog);
  if (disagree.length > 0) return { ok: false, issues: asCatalogIssues(disagree, '(fix the hall first)') };
  const doc = JSON.stringify(catalog);
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  const seq = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('catalog')
      .values({ id: 1, doc, hash, imported_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ doc, hash, imported_at: now }))
      .execute();
    return appendChange(trx, { entity: 'catalog', key: 'catalog', op: 'upsert', data: catalog }, now);
  });
  return { ok: true, seq, procedures: catalog.procedures.length, categories: catalog.categories.length, hash };
}

import type { CategoryList, Lang, ProcedureDetail, ProhibitionList } from '../contract/index.js';
import type { Db } from '../db/connection.js';

// STUB: filled in by the catalog work.
export function getProcedureDetail(_db: Db, _id: string, _lang: Lang): ProcedureDetail | null {
  return null;
}
export function listCategories(_db: Db, _lang: Lang): CategoryList {
  return { items: [] };
}
export function listProhibitions(_db: Db, _lang: Lang): ProhibitionList {
  return { items: [] };
}
export function catalogStats(db: Db): { procedures: number; importedAt: string | null } {
  const n = (db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'catalog_imported_at'").get() as { value: string } | undefined;
  return { procedures: n, importedAt: row?.value ?? null };
}

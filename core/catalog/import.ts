import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type { Db } from '../db/connection.js';
import { setMeta } from '../db/meta.js';
import { appendEvent } from '../outbox/outbox.js';
import { rebuildSearchIndex } from '../search/indexer.js';
import type { CatalogFile } from '../contract/catalog.js';
import { validateCatalogText, type CatalogIssue } from '../common/catalog-validate.js';
import { asCatalogIssues, hallCatalogIssues, type HallShape } from '../common/hall-catalog.js';

export type { CatalogIssue } from '../common/catalog-validate.js';

export class CatalogValidationError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(`The catalog has ${issues.length} error(s); nothing was imported.`);
    this.name = 'CatalogValidationError';
  }
}

export interface ImportSummary {
  categories: number;
  departments: number;
  procedures: number;
  /** sha256 of the imported text, also kept in meta `catalog_hash`. */
  hash: string;
}

/**
 * Validates the whole text first, and against `halls` where given (core/common/hall-catalog.ts); on
 * any issue throws CatalogValidationError and changes nothing. Otherwise replaces the catalog in one
 * transaction together with its outbox event. A procedure keeps its id across imports as long as its
 * code stays the same.
 */
export function importCatalogText(db: Db, text: string, now: Date = new Date(), halls: readonly HallShape[] = []): ImportSummary {
  const result = validateCatalogText(text);
  if (!result.ok) throw new CatalogValidationError(result.issues);
  const disagree = hallCatalogIssues(halls, result.catalog);
  if (disagree.length > 0) throw new CatalogValidationError(asCatalogIssues(disagree));
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  return importCatalog(db, result.catalog, hash, now);
}

/**
 * Replaces the catalog with an already validated one, with its outbox event. Inside a caller's
 * transaction it becomes a savepoint of it (the sync downloader applies a page and its cursor together).
 */
export function importCatalog(db: Db, catalog: CatalogFile, hash: string, now: Date = new Date()): ImportSummary {
  const upsertCategory = db.prepare(
    'INSERT INTO categories (code, name, ord) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, ord = excluded.ord',
  );
  const upsertDepartment = db.prepare(
    `INSERT INTO departments (code, name, place, hours, phone) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, place = excluded.place, hours = excluded.hours, phone = excluded.phone`,
  );
  const insertProhibition = db.prepare('INSERT INTO prohibitions (no, text) VALUES (?, ?)');
  const upsertProcedure = db.prepare(
    `INSERT INTO procedures (id, code, category, department, name_zh, abolished_on, ord, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET category = excluded.category, department = excluded.department, name_zh = excluded.name_zh,
       abolished_on = excluded.abolished_on, ord = excluded.ord, doc = excluded.doc`,
  );

  db.transaction(() => {
    const existing = new Map(
      (db.prepare('SELECT code, id FROM procedures').all() as { code: string; id: string }[]).map((r) => [r.code, r.id]),
    );
    for (const c of catalog.categories) upsertCategory.run(c.code, JSON.stringify(c.name), c.order);
    for (const d of catalog.departments) {
      upsertDepartment.run(d.code, JSON.stringify(d.name), JSON.stringify(d.place), JSON.stringify(d.hours), d.phone);
    }
    db.prepare('DELETE FROM prohibitions').run();
    for (const p of catalog.prohibitions) insertProhibition.run(p.no, JSON.stringify(p.text));

    catalog.procedures.forEach((p, i) => {
      const id = existing.get(p.code) ?? ulid(now.getTime());
      upsertProcedure.run(id, p.code, p.category, p.department, p.name['zh-CN'], p.abolished?.date ?? null, i, JSON.stringify(p));
    });
    // Remove what the file no longer holds; procedures first, as they reference categories and departments.
    const codes = (list: { code: string }[]): string => JSON.stringify(list.map((x) => x.code));
    db.prepare('DELETE FROM procedures WHERE code NOT IN (SELECT value FROM json_each(?))').run(codes(catalog.procedures));
    db.prepare('DELETE FROM categories WHERE code NOT IN (SELECT value FROM json_each(?))').run(codes(catalog.categories));
    db.prepare('DELETE FROM departments WHERE code NOT IN (SELECT value FROM json_each(?))').run(codes(catalog.departments));

    setMeta(db, 'catalog_imported_at', now.toISOString());
    setMeta(db, 'catalog_hash', hash);
    appendEvent(db, 'catalog.imported', { hash, procedures: catalog.procedures.length, categories: catalog.categories.length }, now);
    rebuildSearchIndex(db);
  })();

  return {
    categories: catalog.categories.length,
    departments: catalog.departments.length,
    procedures: catalog.procedures.length,
    hash,
  };
}

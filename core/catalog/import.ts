import type { Db } from '../db/connection.js';

export interface CatalogIssue {
  /** Where in the file, e.g. "procedures[3].materials[1].name.zh-CN". */
  path: string;
  message: string;
}

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
}

// STUB: filled in by the catalog work. Validates the whole text first; on any issue throws
// CatalogValidationError and changes nothing; otherwise replaces the catalog in one transaction
// together with its outbox event.
export function importCatalogText(_db: Db, _text: string): ImportSummary {
  throw new CatalogValidationError([{ path: '', message: 'not implemented' }]);
}

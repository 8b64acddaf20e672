import type { SearchQuery, SearchResult } from '../contract/index.js';
import type { Db } from '../db/connection.js';

// STUB: filled in by the search work.
export function searchProcedures(_db: Db, _query: SearchQuery): SearchResult {
  return { items: [], total: 0 };
}

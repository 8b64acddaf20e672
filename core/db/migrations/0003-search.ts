import type { Migration } from '../migrate.js';

/**
 * The procedure search index, derived from `procedures` and rebuilt by core/search/indexer.ts on
 * every catalog import. core/search/fts.ts describes what the two FTS5 tables hold.
 */
export const m0003: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      -- pid numbers procedures in ranking order (live first, shorter Chinese name, catalog order);
      -- ord is the catalog order, for browsing. What a result row shows is copied here.
      CREATE TABLE search_procs (
        pid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        category TEXT NOT NULL,
        type TEXT NOT NULL,
        abolished INTEGER NOT NULL CHECK (abolished IN (0, 1)),
        ord INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (json_valid(name)),
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        syllables TEXT NOT NULL CHECK (json_valid(syllables)),
        snippet_source TEXT NOT NULL CHECK (json_valid(snippet_source))
      ) STRICT;
      CREATE INDEX search_procs_browse ON search_procs (abolished, ord);
      CREATE INDEX search_procs_browse_category ON search_procs (abolished, category, ord);

      -- Every searchable field per procedure, and the names alone (trigram; bigram fallback).
      CREATE VIRTUAL TABLE search_all_tri USING fts5(nzh, nen, nru, py, ini, mat, leg, cat, content = '', tokenize = 'trigram case_sensitive 1');
      CREATE VIRTUAL TABLE search_name_tri USING fts5(nzh, nen, nru, py, ini, cat, content = '', tokenize = 'trigram case_sensitive 1');
      CREATE VIRTUAL TABLE search_all_bi USING fts5(nzh, nen, nru, py, ini, mat, leg, cat, content = '', tokenize = 'unicode61 remove_diacritics 0', prefix = '1');
      CREATE VIRTUAL TABLE search_name_bi USING fts5(nzh, nen, nru, py, ini, cat, content = '', tokenize = 'unicode61 remove_diacritics 0', prefix = '1');
    `);
  },
};

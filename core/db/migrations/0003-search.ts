import type { Migration } from '../migrate.js';

/**
 * The procedure search index, derived from `procedures` and rebuilt by core/search/indexer.ts on
 * every catalog import. See core/search/fts.ts for what the two FTS5 tables hold.
 */
export const m0003: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      -- pid is the procedure's position in catalog order (procedures.ord), so it doubles as the tie-breaker.
      -- What a result row shows is copied here so a search never parses the full procedure document.
      CREATE TABLE search_procs (
        pid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        category TEXT NOT NULL,
        type TEXT NOT NULL,
        abolished INTEGER NOT NULL CHECK (abolished IN (0, 1)),
        name TEXT NOT NULL CHECK (json_valid(name)),
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        name_len_zh INTEGER NOT NULL,
        name_len_en INTEGER NOT NULL,
        name_len_ru INTEGER NOT NULL,
        syllables TEXT NOT NULL CHECK (json_valid(syllables)),
        materials TEXT NOT NULL CHECK (json_valid(materials)),
        legal_basis TEXT NOT NULL CHECK (json_valid(legal_basis))
      ) STRICT;
      CREATE INDEX search_procs_browse ON search_procs (abolished, category, pid);

      CREATE VIRTUAL TABLE search_tri USING fts5(t, p, content='', tokenize='trigram case_sensitive 1');
      CREATE VIRTUAL TABLE search_uni USING fts5(t, p, ht, hp, content='', tokenize='unicode61 remove_diacritics 0');
    `);
  },
};

import type { Migration } from '../migrate.js';

export const m0002: Migration = {
  version: 2,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (json_valid(name)),
        ord INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE departments (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (json_valid(name)),
        place TEXT NOT NULL CHECK (json_valid(place)),
        hours TEXT NOT NULL CHECK (json_valid(hours)),
        phone TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prohibitions (
        no INTEGER PRIMARY KEY CHECK (no BETWEEN 1 AND 11),
        text TEXT NOT NULL CHECK (json_valid(text))
      ) STRICT;

      -- doc holds the whole validated ProcedureInput; the columns beside it are what queries filter on.
      CREATE TABLE procedures (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL REFERENCES categories (code),
        department TEXT NOT NULL REFERENCES departments (code),
        name_zh TEXT NOT NULL,
        abolished_on TEXT,
        ord INTEGER NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX procedures_category ON procedures (category, ord);
    `);
  },
};

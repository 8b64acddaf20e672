import type Database from 'better-sqlite3';
import type { SearchQuery, SearchResult } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { GROUPS, GROUP_SCOPE, KINDS, anyExpr, inCategory, planQuery, tableName, tierExpr, type Group, type Table } from './fts.js';
import { indexInfo, rebuildSearchIndex, type IndexInfo, type SnippetSource } from './indexer.js';
import { toSummary, type ResultRow } from './result.js';
import { normalizeText } from './text.js';

/**
 * Ranking, best first: live before abolished; name (any language, pinyin, initials) before
 * materials before legal basis; exact before prefix before word start before substring; shorter
 * Chinese name; catalog order.
 *
 * The last two are the pid order (see indexer.ts), which is the order FTS5 returns rows in. So
 * the page is filled tier by tier — (live or abolished, group, kind) — each tier one MATCH over a
 * pid range, limited to the rows still needed: a search never reads more than `limit` rows per
 * tier whatever the number of matches. `total` is counted inside SQLite.
 */

type Stmt = Database.Statement<unknown[], unknown>;

interface Statements {
  /** Procedures matching anywhere. */
  count: Record<Table, Stmt>;
  /** Per group: MATCH, pid from, pid to, limit. */
  tier: Record<Table, Stmt[]>;
  rows: Stmt;
  /** The texts a materials or legal-basis snippet is cut from. */
  snippetSource: Stmt;
  browse: Stmt;
  browseCategory: Stmt;
  browseCount: Stmt;
  browseCountCategory: Stmt;
}

const statements = new WeakMap<Db, Statements>();
const ROW_COLUMNS = 's.pid, s.id, s.code, s.category, s.type, s.abolished, s.name, s.summary, s.syllables';
const FROM = 'search_procs s';

function prepared(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    const count = (t: Table) => {
      const name = tableName('all', t);
      return db.prepare(`SELECT count(*) FROM ${name} WHERE ${name} MATCH ?`).pluck();
    };
    const tier = (t: Table) =>
      GROUPS.map((g) => {
        const name = tableName(GROUP_SCOPE[g], t);
        return db.prepare(`SELECT rowid FROM ${name} WHERE ${name} MATCH ? AND rowid >= ? AND rowid < ? LIMIT ?`).pluck();
      });
    s = {
      count: { tri: count('tri'), bi: count('bi') },
      tier: { tri: tier('tri'), bi: tier('bi') },
      rows: db.prepare(`SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE s.pid IN (SELECT value FROM json_each(?))`),
      snippetSource: db.prepare(
        'SELECT snippet_source FROM search_procs WHERE pid = ?',
      ).pluck(),
      browse: db.prepare(`SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE s.abolished = 0 ORDER BY s.ord LIMIT ?`),
      browseCategory: db.prepare(`SELECT ${ROW_COLUMNS} FROM ${FROM} WHERE s.abolished = 0 AND s.category = ? ORDER BY s.ord LIMIT ?`),
      browseCount: db.prepare('SELECT count(*) FROM search_procs WHERE abolished = 0').pluck(),
      browseCountCategory: db.prepare('SELECT count(*) FROM search_procs WHERE abolished = 0 AND category = ?').pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

function ensureIndex(db: Db): IndexInfo {
  let info = indexInfo(db);
  if (!info) {
    // A database whose catalog was imported before this index existed: build it once.
    rebuildSearchIndex(db);
    info = indexInfo(db)!;
  }
  return info;
}

export function searchProcedures(db: Db, query: SearchQuery): SearchResult {
  const limit = query.limit ?? 30;
  const info = ensureIndex(db);
  const st = prepared(db);
  const phrase = normalizeText(query.q ?? '');
  if (!phrase) {
    const c = query.category;
    const rows = (c === undefined ? st.browse.all(limit) : st.browseCategory.all(c, limit)) as ResultRow[];
    const total = (c === undefined ? st.browseCount.get() : st.browseCountCategory.get(c)) as number;
    return { items: rows.map((r) => toSummary(r, query.lang, null, null)), total };
  }

  const plan = planQuery(phrase);
  const anywhere = anyExpr(plan);
  if (!anywhere) return { items: [], total: 0 };
  const total = st.count[plan.table].get(inCategory(plan, anywhere, query.category)) as number;
  if (!total) return { items: [], total };

  const found = new Map<number, Group>();
  fill: for (const [from, to] of [[0, info.live], [info.live, info.count]] as const) {
    for (const group of GROUPS) {
      for (const kind of KINDS) {
        const expr = tierExpr(plan, group, kind);
        if (!expr) continue;
        const pids = st.tier[plan.table][group]!.all(inCategory(plan, expr, query.category), from, to, limit) as number[];
        for (const pid of pids) {
          if (!found.has(pid)) found.set(pid, group);
          if (found.size === limit) break fill;
        }
        if (found.size === total) break fill;
      }
    }
  }

  const pids = [...found.keys()];
  const rows = st.rows.all(JSON.stringify(pids)) as ResultRow[];
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const items = pids.map((pid) => {
    const row = byPid.get(pid)!;
    const group = found.get(pid)!;
    const source = group === 0 ? undefined : (JSON.parse(st.snippetSource.get(pid) as string) as SnippetSource);
    return toSummary(row, query.lang, plan, group, source);
  });
  return { items, total };
}

import type Database from 'better-sqlite3';
import type { Lang, SearchQuery, SearchResult } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { KIND, SLOT, SLOT_BITS, planQuery, probesFor, type Kind, type QueryPlan } from './fts.js';
import { rankCache, type RankCache } from './rank-cache.js';
import { toSummary, type ResultRow } from './result.js';
import { normalizeText } from './text.js';

/**
 * Ranking, best first: live before abolished; name (any language, pinyin, initials) before
 * materials before legal basis; exact before prefix before word start before substring; shorter
 * name; catalog order. It is packed into one number per candidate so ranking is a numeric compare.
 */
const GROUP_OF_SLOT = [0, 0, 0, 0, 0, 1, 2] as const;
const NO_MATCH = 255;
const PID_SPAN = 2 ** 21;
const LEN_SPAN = 2 ** 16;
const KINDS: readonly Kind[] = [KIND.exact, KIND.prefix, KIND.wordStart, KIND.substring];

type Stmt = Database.Statement<unknown[], unknown>;

interface Statements {
  tri: Stmt;
  uni: Stmt;
  rows: Stmt;
  browse: Stmt;
  browseCategory: Stmt;
  count: Stmt;
  countCategory: Stmt;
}

const statements = new WeakMap<Db, Statements>();
const ROW_COLUMNS = 'pid, id, code, category, type, abolished, name, summary, syllables, materials, legal_basis';

function prepared(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      tri: db.prepare('SELECT rowid FROM search_tri WHERE search_tri MATCH ?').pluck(),
      uni: db.prepare('SELECT rowid FROM search_uni WHERE search_uni MATCH ?').pluck(),
      rows: db.prepare(`SELECT ${ROW_COLUMNS} FROM search_procs WHERE pid IN (SELECT value FROM json_each(?))`),
      browse: db.prepare(`SELECT ${ROW_COLUMNS} FROM search_procs WHERE abolished = 0 ORDER BY pid LIMIT ?`),
      browseCategory: db.prepare(
        `SELECT ${ROW_COLUMNS} FROM search_procs WHERE abolished = 0 AND category = ? ORDER BY pid LIMIT ?`,
      ),
      count: db.prepare('SELECT count(*) FROM search_procs WHERE abolished = 0').pluck(),
      countCategory: db.prepare('SELECT count(*) FROM search_procs WHERE abolished = 0 AND category = ?').pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

export function searchProcedures(db: Db, query: SearchQuery): SearchResult {
  const limit = query.limit ?? 30;
  const phrase = normalizeText(query.q ?? '');
  const st = prepared(db);
  const cache = rankCache(db);
  if (!phrase) return browse(st, query, limit);

  let category = -1;
  if (query.category !== undefined) {
    const c = cache.categoryIndex.get(query.category);
    if (c === undefined) return { items: [], total: 0 };
    category = c;
  }

  const plan = planQuery(phrase);
  const { best, bestSlot } = bestMatches(st, cache, plan, category);
  const { total, top } = rank(cache, best, bestSlot, query.lang, limit);
  if (!top.length) return { items: [], total };

  const rows = st.rows.all(JSON.stringify(top)) as ResultRow[];
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const items = top.map((pid) => toSummary(byPid.get(pid)!, query.lang, plan, bestSlot[pid]!));
  return { items, total };
}

/** For every procedure: its best (group, kind) code and the slot that gave it. */
function bestMatches(st: Statements, cache: RankCache, plan: QueryPlan, category: number) {
  const best = new Uint8Array(cache.count).fill(NO_MATCH);
  const bestSlot = new Uint8Array(cache.count);
  for (const kind of KINDS) {
    for (const probe of probesFor(plan, kind)) {
      const rowids = st[probe.table].all(probe.match) as number[];
      for (const rowid of rowids) {
        const pid = rowid >> SLOT_BITS;
        const slot = rowid & ((1 << SLOT_BITS) - 1);
        if (pid >= cache.count || slot >= GROUP_OF_SLOT.length) continue;
        if (category >= 0 && cache.category[pid] !== category) continue;
        const code = GROUP_OF_SLOT[slot as 0]! * 4 + kind;
        if (code < best[pid]!) {
          best[pid] = code;
          bestSlot[pid] = slot;
        }
      }
    }
  }
  return { best, bestSlot };
}

function nameLength(cache: RankCache, pid: number, slot: number, lang: Lang): number {
  const l = slot === SLOT.nameEn ? 'en' : slot === SLOT.nameRu ? 'ru' : slot <= SLOT.initials ? 'zh-CN' : lang;
  return cache.nameLength[l][pid]!;
}

/** The total number of matches and the pids of the best `limit`, in order (a bounded insertion sort). */
function rank(cache: RankCache, best: Uint8Array, bestSlot: Uint8Array, lang: Lang, limit: number) {
  let total = 0;
  const keys: number[] = [];
  for (let pid = 0; pid < cache.count; pid++) {
    const code = best[pid]!;
    if (code === NO_MATCH) continue;
    total++;
    const tier = cache.abolished[pid]! * 16 + code;
    const key = (tier * LEN_SPAN + nameLength(cache, pid, bestSlot[pid]!, lang)) * PID_SPAN + pid;
    if (keys.length === limit && key >= keys[limit - 1]!) continue;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    keys.splice(lo, 0, key);
    if (keys.length > limit) keys.pop();
  }
  return { total, top: keys.map((k) => k % PID_SPAN) };
}

function browse(st: Statements, query: SearchQuery, limit: number): SearchResult {
  const hasCategory = query.category !== undefined;
  const rows = (hasCategory ? st.browseCategory.all(query.category, limit) : st.browse.all(limit)) as ResultRow[];
  const total = (hasCategory ? st.countCategory.get(query.category) : st.count.get()) as number;
  return { items: rows.map((r) => toSummary(r, query.lang, null, null)), total };
}

/**
 * Shapes of the two FTS5 indexes and of the match expressions run against them.
 *
 * Tables, rowid = pid: search_all_* hold one row per procedure with every searchable field —
 * nzh nen nru (names), py ini (pinyin and initials of the Chinese name), mat (material names),
 * leg (legal basis), cat (the category, for filtering) — and answer `total` with one count and
 * the materials and legal-basis tiers. search_name_* repeat only the name columns (a fifth of
 * the text), so the name tiers, which fill most pages, never wade through the far longer
 * doclists of materials text. pids are numbered in ranking order (see indexer.ts), so FTS5's
 * natural rowid order is already "live first, shorter name, catalog order". Every item is wrapped in
 * private-use markers START…END, so exact = START q END, prefix = START q and word start = " q"
 * are ordinary phrase matches.
 *
 * - search_*_tri (trigram tokenizer) answer every query whose words all have 3+ characters.
 * - search_*_bi (unicode61 over space-separated character bigrams) is the fallback for shorter
 *   words, which a trigram index cannot answer: a 2-character word is one token, a 1-character
 *   word a 1-character prefix query (served by FTS5's prefix index), a longer phrase a phrase of
 *   bigrams. Space and punctuation become private-use characters so every bigram is one token.
 *
 * User text only ever reaches SQLite as a bound parameter inside FTS5 strings ("…", " doubled).
 */

export const START = '\uE000';
export const END = '\uE001';
const SPACE = '\uE002';
const PUNCT = '\uE003';
export const TRIGRAM_MIN = 3;

export type Table = 'tri' | 'bi';
export type Column = 'nzh' | 'nen' | 'nru' | 'py' | 'ini' | 'mat' | 'leg' | 'cat';
export type Scope = 'all' | 'name';
export const SCOPE_COLUMNS: Record<Scope, readonly Column[]> = {
  all: ['nzh', 'nen', 'nru', 'py', 'ini', 'mat', 'leg', 'cat'],
  name: ['nzh', 'nen', 'nru', 'py', 'ini', 'cat'],
};
export function tableName(scope: Scope, table: Table): string {
  return `search_${scope}_${table}`;
}
/** Name (any language, pinyin, initials), then materials, then legal basis. */
export type Group = 0 | 1 | 2;
export const GROUPS: readonly Group[] = [0, 1, 2];
/** Where a group's tiers are looked up. */
export const GROUP_SCOPE: Record<Group, Scope> = { 0: 'name', 1: 'all', 2: 'all' };

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
const bigramChar = (ch: string) => (ch === START || ch === END || isWordChar(ch) ? ch : ch === ' ' ? SPACE : PUNCT);

/** Items already normalized (see text.ts). */
export function trigramText(items: readonly string[]): string {
  return items.map((i) => START + i + END).join('');
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export function bigramText(items: readonly string[]): string {
  return items.map((i) => bigrams(Array.from(START + i + END, bigramChar)).join(' ')).join(' ');
}

/** The text of the `cat` column: a token made of the code's hex, since codes may hold separators. */
export function categoryItem(code: string): string {
  return Buffer.from(code, 'utf8').toString('hex');
}

export type Kind = 0 | 1 | 2 | 3;
export const KIND = { exact: 0, prefix: 1, wordStart: 2, substring: 3 } as const;
export const KINDS: readonly Kind[] = [0, 1, 2, 3];
export interface QueryPlan {
  /** The normalized query. */
  phrase: string;
  /** Its words; a substring match needs all of them in the same field. */
  terms: string[];
  /** The query without spaces when it can be pinyin or initials ("pai mai" → "paimai"), else null. */
  pinyinKey: string | null;
  table: Table;
}

export function planQuery(phrase: string): QueryPlan {
  // A word of only punctuation would match every mark in the bigram index: it is left out.
  const terms = phrase.split(' ').filter((t) => Array.from(t).some(isWordChar));
  // Tone marks are ignored and ü is typed v, as on a pinyin keyboard: "lǜ" → "lv".
  const compact = terms
    .join('')
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '');
  const pinyinKey = /^[a-z0-9]+$/.test(compact) && /[a-z]/.test(compact) ? compact : null;
  const table = terms.every((t) => Array.from(t).length >= TRIGRAM_MIN) ? 'tri' : 'bi';
  return { phrase, terms, pinyinKey, table };
}

function ftsString(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

/** A phrase matching `text` anywhere in a column; null when it could only match noise. */
function phrase(table: Table, text: string): string | null {
  const chars = Array.from(text);
  if (!chars.some(isWordChar)) return null; // only punctuation: in the bigram index it would match every mark
  if (table === 'tri') return ftsString(text);
  const mapped = chars.map(bigramChar);
  return mapped.length === 1 ? ftsString(mapped[0]!) + '*' : ftsString(bigrams(mapped).join(' '));
}

const startsWord = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u;

function textExpr(plan: QueryPlan, kind: Kind): string | null {
  switch (kind) {
    case KIND.exact:
      return phrase(plan.table, START + plan.phrase + END);
    case KIND.prefix:
      return phrase(plan.table, START + plan.phrase);
    case KIND.wordStart:
      return startsWord.test(plan.phrase) ? phrase(plan.table, ' ' + plan.phrase) : null;
    case KIND.substring: {
      const parts = plan.terms.map((t) => phrase(plan.table, t)).filter((p): p is string => p !== null);
      return parts.length ? parts.join(' AND ') : null;
    }
  }
}

function pinyinExpr(plan: QueryPlan, kind: Kind): string | null {
  const key = plan.pinyinKey;
  if (!key) return null;
  if (kind === KIND.exact) return phrase(plan.table, START + key + END);
  if (kind === KIND.prefix) return phrase(plan.table, START + key);
  if (kind === KIND.substring) return phrase(plan.table, key);
  return null;
}

function either(...parts: (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null);
  return present.length ? present.map((p) => `(${p})`).join(' OR ') : null;
}

const inColumns = (cols: readonly Column[], expr: string | null) => (expr === null ? null : `{${cols.join(' ')}} : (${expr})`);

/** Rows matching the query anywhere: what `total` counts (in search_all_*). */
export function anyExpr(plan: QueryPlan): string | null {
  return either(
    inColumns(['nzh', 'nen', 'nru', 'mat', 'leg'], textExpr(plan, KIND.substring)),
    inColumns(['py', 'ini'], pinyinExpr(plan, KIND.substring)),
  );
}

/** Rows matching the query in one group with one kind of match (in the group's scope table). */
export function tierExpr(plan: QueryPlan, group: Group, kind: Kind): string | null {
  const text = textExpr(plan, kind);
  if (group === 1) return inColumns(['mat'], text);
  if (group === 2) return inColumns(['leg'], text);
  return either(inColumns(['nzh', 'nen', 'nru'], text), inColumns(['py', 'ini'], pinyinExpr(plan, kind)));
}

export function inCategory(plan: QueryPlan, expr: string, category: string | undefined): string {
  if (category === undefined) return expr;
  return `(${expr}) AND cat : (${phrase(plan.table, START + categoryItem(category) + END)})`;
}

/**
 * Shapes of the two FTS5 indexes and of the match expressions run against them.
 *
 * Both tables have one row per (procedure, slot), rowid = pid * 16 + slot. Column `t` holds names,
 * materials and legal basis (normalized), column `p` the pinyin and initials of the Chinese name.
 *
 * - search_tri (trigram tokenizer) answers every query whose words have 3+ characters. Each item is
 *   wrapped in private-use markers START…END, so exact = "START q END", prefix = "START q" and
 *   word start = " q" are ordinary phrase matches.
 * - search_uni (unicode61) is the fallback for 1–2 character words, which a trigram index cannot
 *   answer. Its text is split into one token per character (space and punctuation become marker
 *   tokens so positions stay true), so a short word is a 1–2 token phrase. Exact, prefix and word
 *   start matches of a short query are single tokens in `ht`/`hp` ("heads": marker + the item's
 *   first one or two characters), which keeps them as cheap as one doclist lookup.
 *
 * User text only ever reaches SQLite as a bound parameter inside an FTS5 string ("…", with " doubled).
 */

export const START = '\uE000';
export const END = '\uE001';
const WORD = '\uE002';
const SPACE_TOKEN = '\uE003';
const PUNCT_TOKEN = '\uE004';
export const TRIGRAM_MIN = 3;

export const SLOT = { nameZh: 0, nameEn: 1, nameRu: 2, pinyin: 3, initials: 4, materials: 5, legal: 6 } as const;
export type Slot = (typeof SLOT)[keyof typeof SLOT];
export const SLOT_BITS = 4;
export const SLOT_COUNT = 7;

export function rowidOf(pid: number, slot: Slot): number {
  return pid * (1 << SLOT_BITS) + slot;
}

/** Items already normalized (see text.ts). */
export function trigramText(items: readonly string[]): string {
  return items.map((i) => START + i + END).join('');
}

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

function unigramToken(ch: string): string {
  if (ch === ' ') return SPACE_TOKEN;
  return isWordChar(ch) ? ch : PUNCT_TOKEN;
}

export function unigramText(items: readonly string[]): string {
  return items.map((i) => Array.from(i, unigramToken).join(' ')).join(` ${PUNCT_TOKEN} `);
}

/** Tokens marking each item's first one and two characters, each word's too, and whole 1–2 character items. */
export function unigramHeads(items: readonly string[]): string {
  const heads = new Set<string>();
  const addHeads = (marker: string, text: string) => {
    const chars = Array.from(text);
    for (const n of [1, 2]) {
      const head = chars.slice(0, n);
      if (head.length === n && head.every(isWordChar)) heads.add(marker + head.join(''));
    }
  };
  for (const item of items) {
    addHeads(START, item);
    const length = Array.from(item).length;
    if (length <= 2 && Array.from(item).every(isWordChar)) heads.add(END + item);
    item
      .split(' ')
      .slice(1)
      .forEach((word) => addHeads(WORD, word));
  }
  return [...heads].join(' ');
}

export type Kind = 0 | 1 | 2 | 3;
export const KIND = { exact: 0, prefix: 1, wordStart: 2, substring: 3 } as const;

export interface QueryPlan {
  /** The normalized query. */
  phrase: string;
  /** Its space-separated words; a substring match needs all of them in the same field. */
  terms: string[];
  /** The query without spaces when it can be pinyin or initials ("pai mai" → "paimai"), else null. */
  pinyinKey: string | null;
  table: 'tri' | 'uni';
  pinyinTable: 'tri' | 'uni';
}

const cpLength = (s: string) => Array.from(s).length;

export function planQuery(phrase: string): QueryPlan {
  const terms = phrase.split(' ').filter(Boolean);
  const compact = terms.join('').replace(/ü/g, 'v');
  const pinyinKey = /^[a-z0-9]+$/.test(compact) && /[a-z]/.test(compact) ? compact : null;
  return {
    phrase,
    terms,
    pinyinKey,
    table: terms.every((t) => cpLength(t) >= TRIGRAM_MIN) ? 'tri' : 'uni',
    pinyinTable: pinyinKey && pinyinKey.length >= TRIGRAM_MIN ? 'tri' : 'uni',
  };
}

function ftsString(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

/** A substring phrase: as is for the trigram index, one token per character for the unigram one. */
function substringPhrase(table: 'tri' | 'uni', text: string): string | null {
  if (table === 'tri') return ftsString(text);
  const chars = Array.from(text);
  // A word of only punctuation would match every punctuation mark: leave it out.
  if (!chars.some(isWordChar)) return null;
  return ftsString(chars.map(unigramToken).join(' '));
}

/** Exact, prefix or word-start phrase; the unigram index answers it only for a single short word. */
function anchoredPhrase(table: 'tri' | 'uni', kind: Kind, text: string): string | null {
  if (table === 'tri') {
    if (kind === KIND.exact) return ftsString(START + text + END);
    if (kind === KIND.prefix) return ftsString(START + text);
    return ftsString(' ' + text);
  }
  if (!Array.from(text).every(isWordChar)) return null;
  const marker = kind === KIND.exact ? END : kind === KIND.prefix ? START : WORD;
  return ftsString(marker + text);
}

export interface Probe {
  table: 'tri' | 'uni';
  match: string;
}

const startsWord = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** FTS5 MATCH expressions that find the rows matching the query with the given kind. */
export function probesFor(plan: QueryPlan, kind: Kind): Probe[] {
  let t: string | null = null;
  let p: string | null = null;
  const key = plan.pinyinKey;
  if (kind === KIND.substring) {
    const parts = plan.terms.map((term) => substringPhrase(plan.table, term)).filter((x): x is string => x !== null);
    t = parts.length ? parts.join(' AND ') : null;
    if (key) p = substringPhrase(plan.pinyinTable, key);
  } else {
    if (kind !== KIND.wordStart || startsWord.test(plan.phrase)) t = anchoredPhrase(plan.table, kind, plan.phrase);
    if (key && kind !== KIND.wordStart) p = anchoredPhrase(plan.pinyinTable, kind, key);
  }
  const anchored = kind !== KIND.substring;
  const col = (table: 'tri' | 'uni', c: 't' | 'p') => (anchored && table === 'uni' ? 'h' + c : c);
  const probes: Probe[] = [];
  if (t && p && plan.table === plan.pinyinTable) {
    probes.push({ table: plan.table, match: `(${col(plan.table, 't')} : (${t})) OR (${col(plan.table, 'p')} : (${p}))` });
  } else {
    if (t) probes.push({ table: plan.table, match: `${col(plan.table, 't')} : (${t})` });
    if (p) probes.push({ table: plan.pinyinTable, match: `${col(plan.pinyinTable, 'p')} : (${p})` });
  }
  return probes;
}

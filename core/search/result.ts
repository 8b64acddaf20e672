import type { Highlight, Lang, LocalizedRequired, MatchField, ProcedureSummary, ProcedureType } from '../contract/index.js';
import type { Group, QueryPlan } from './fts.js';
import type { SnippetSource } from './indexer.js';
import { fullPinyin, initials, matchedChars } from './pinyin.js';
import { hasHit, highlightTerms, normalizeText, segments } from './text.js';

/** A search_procs row as read for the page of results. */
export interface ResultRow {
  pid: number;
  id: string;
  code: string;
  category: string;
  type: ProcedureType;
  abolished: number;
  name: string;
  summary: string;
  syllables: string;
}



const startsWord = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** How well `text` matches: 0 exact, 1 prefix, 2 word start, 3 all words somewhere, null not at all. */
function kindOf(text: string, plan: QueryPlan, key: string): number | null {
  if (text === key) return 0;
  if (text.startsWith(key)) return 1;
  if (startsWord.test(key) && text.includes(' ' + key)) return 2;
  if (key === plan.phrase ? plan.terms.length > 0 && plan.terms.every((t) => text.includes(t)) : text.includes(key)) return 3;
  return null;
}

/** Within a name match, which name matched best: a name's text, else its pinyin, else its initials. */
function nameMatch(name: LocalizedRequired, syllables: string[], plan: QueryPlan): MatchField {
  let best: { kind: number; field: MatchField } | null = null;
  const consider = (text: string, key: string | null, field: MatchField) => {
    const kind = key === null ? null : kindOf(text, plan, key);
    if (kind !== null && (!best || kind < best.kind)) best = { kind, field };
  };
  for (const lang of ['zh-CN', 'en', 'ru'] as const) consider(normalizeText(name[lang]), plan.phrase, 'name');
  consider(fullPinyin(syllables).text, plan.pinyinKey, 'pinyin');
  consider(initials(syllables).text, plan.pinyinKey, 'initials');
  return (best as { field: MatchField } | null)?.field ?? 'name';
}

/** The Chinese characters whose pinyin (or initials) the query matched. */
function pinyinHighlight(name: string, syllables: string[], field: MatchField, key: string): Highlight {
  const pinyinKey = field === 'pinyin' ? fullPinyin(syllables) : initials(syllables);
  const chars = matchedChars(pinyinKey, key);
  const hit = new Uint8Array(name.length);
  let offset = 0;
  Array.from(name).forEach((ch, i) => {
    if (chars.has(i)) hit.fill(1, offset, offset + ch.length);
    offset += ch.length;
  });
  return segments(name, hit);
}

/** The first item that holds every query word, else the first holding any. */
function snippet(items: string[], terms: string[]): Highlight | undefined {
  const all = items.find((text) => {
    const norm = normalizeText(text);
    return terms.every((t) => norm.includes(t));
  });
  if (all !== undefined) return highlightTerms(all, terms);
  for (const text of items) {
    const h = highlightTerms(text, terms);
    if (hasHit(h)) return h;
  }
  return undefined;
}

export function toSummary(
  row: ResultRow,
  lang: Lang,
  plan: QueryPlan | null,
  group: Group | null,
  source?: SnippetSource,
): ProcedureSummary {
  const name = JSON.parse(row.name) as LocalizedRequired;
  const summary = JSON.parse(row.summary) as LocalizedRequired;
  const shown = name[lang];
  const base = {
    id: row.id,
    code: row.code,
    name: shown,
    summary: summary[lang],
    category: row.category,
    type: row.type,
    abolished: row.abolished === 1,
  };
  if (!plan || group === null) return { ...base, matchedIn: 'none', nameHighlight: [{ text: shown, hit: false }] };

  const syllables = JSON.parse(row.syllables) as string[];
  const matchedIn: MatchField = group === 0 ? nameMatch(name, syllables, plan) : group === 1 ? 'materials' : 'legal_basis';
  const nameHighlight =
    (matchedIn === 'pinyin' || matchedIn === 'initials') && lang === 'zh-CN' && plan.pinyinKey
      ? pinyinHighlight(shown, syllables, matchedIn, plan.pinyinKey)
      : highlightTerms(shown, plan.terms);
  const result: ProcedureSummary = { ...base, matchedIn, nameHighlight };
  if (group !== 0 && source) {
    const s = snippet(group === 1 ? source.materials : source.legal, plan.terms);
    if (s) result.snippet = s;
  }
  return result;
}

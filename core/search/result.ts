import type { Highlight, Lang, Localized, LocalizedRequired, MatchField, ProcedureSummary, ProcedureType } from '../contract/index.js';
import { SLOT, type QueryPlan } from './fts.js';
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
  materials: string;
  legal_basis: string;
}

const MATCHED_IN: Record<number, MatchField> = {
  [SLOT.nameZh]: 'name',
  [SLOT.nameEn]: 'name',
  [SLOT.nameRu]: 'name',
  [SLOT.pinyin]: 'pinyin',
  [SLOT.initials]: 'initials',
  [SLOT.materials]: 'materials',
  [SLOT.legal]: 'legal_basis',
};

/** The Chinese characters whose pinyin (or initials) the query matched. */
function pinyinHighlight(name: string, syllables: string[], slot: number, key: string): Highlight {
  const pinyinKey = slot === SLOT.pinyin ? fullPinyin(syllables) : initials(syllables);
  const chars = matchedChars(pinyinKey, key);
  const hit = new Uint8Array(name.length);
  let offset = 0;
  Array.from(name).forEach((ch, i) => {
    if (chars.has(i)) hit.fill(1, offset, offset + ch.length);
    offset += ch.length;
  });
  return segments(name, hit);
}

/** The first item (in the visitor's language if it matches there) that holds every query word. */
function snippet(items: Localized[], lang: Lang, terms: string[]): Highlight | undefined {
  const langs: Lang[] = [lang, 'zh-CN', 'en', 'ru'];
  for (const l of langs) {
    for (const item of items) {
      const text = item[l];
      if (!text) continue;
      const norm = normalizeText(text);
      if (terms.every((t) => norm.includes(t))) return highlightTerms(text, terms);
    }
  }
  for (const l of langs) {
    for (const item of items) {
      const text = item[l];
      if (!text) continue;
      const h = highlightTerms(text, terms);
      if (hasHit(h)) return h;
    }
  }
  return undefined;
}

export function toSummary(row: ResultRow, lang: Lang, plan: QueryPlan | null, slot: number | null): ProcedureSummary {
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
  if (!plan || slot === null) return { ...base, matchedIn: 'none', nameHighlight: [{ text: shown, hit: false }] };

  const isPinyin = slot === SLOT.pinyin || slot === SLOT.initials;
  const nameHighlight =
    isPinyin && lang === 'zh-CN' && plan.pinyinKey
      ? pinyinHighlight(shown, JSON.parse(row.syllables) as string[], slot, plan.pinyinKey)
      : highlightTerms(shown, plan.terms);
  const result: ProcedureSummary = { ...base, matchedIn: MATCHED_IN[slot] ?? 'none', nameHighlight };
  if (slot === SLOT.materials || slot === SLOT.legal) {
    const items = JSON.parse(slot === SLOT.materials ? row.materials : row.legal_basis) as Localized[];
    const s = snippet(items, lang, plan.terms);
    if (s) result.snippet = s;
  }
  return result;
}

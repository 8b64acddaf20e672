import { ulid } from 'ulid';
import type { Localized, ProcedureInput } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { setMeta } from '../db/meta.js';
import { SLOT, rowidOf, trigramText, unigramHeads, unigramText, type Slot } from './fts.js';
import { fullPinyin, initials, nameSyllables } from './pinyin.js';
import { normalizeText } from './text.js';

export const GENERATION_KEY = 'search_generation';

interface ProcedureRow {
  id: string;
  code: string;
  category: string;
  abolished_on: string | null;
  doc: string;
}

const LANG_KEYS = ['zh-CN', 'en', 'ru'] as const;

function allLanguages(items: readonly Localized[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    for (const lang of LANG_KEYS) {
      const text = item[lang];
      if (text && (lang === 'zh-CN' || text !== item['zh-CN'])) out.push(normalizeText(text));
    }
  }
  return out;
}

/** A legal basis reads as one line: 《拍卖法》第十一条 / "Auction Law, Article 11". */
export function legalBasisLines(doc: ProcedureInput): Localized[] {
  return doc.legalBasis.map(({ law, article }) => {
    const line = (lang: (typeof LANG_KEYS)[number]) => {
      const l = law[lang];
      if (!l) return undefined;
      const a = article?.[lang] ?? (lang === 'zh-CN' ? undefined : article?.['zh-CN']);
      if (!a) return l;
      return lang === 'zh-CN' ? l + a : `${l}, ${a}`;
    };
    return { 'zh-CN': line('zh-CN')!, ...(law.en ? { en: line('en') } : {}), ...(law.ru ? { ru: line('ru') } : {}) };
  });
}

/**
 * Rebuilds the search index from the `procedures` table. Runs inside the caller's transaction
 * when there is one (the catalog import), else in its own; readers never see half an index.
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec(`DELETE FROM search_procs;
      INSERT INTO search_tri (search_tri) VALUES ('delete-all');
      INSERT INTO search_uni (search_uni) VALUES ('delete-all');`);
    const rows = db
      .prepare('SELECT id, code, category, abolished_on, doc FROM procedures ORDER BY ord, id')
      .all() as ProcedureRow[];
    const insProc = db.prepare(`INSERT INTO search_procs
      (pid, id, code, category, type, abolished, name, summary, name_len_zh, name_len_en, name_len_ru, syllables, materials, legal_basis)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insTri = db.prepare('INSERT INTO search_tri (rowid, t, p) VALUES (?, ?, ?)');
    const insUni = db.prepare('INSERT INTO search_uni (rowid, t, p, ht, hp) VALUES (?, ?, ?, ?, ?)');
    const add = (pid: number, slot: Slot, column: 't' | 'p', items: string[]) => {
      const nonEmpty = items.filter(Boolean);
      if (!nonEmpty.length) return;
      const tri = trigramText(nonEmpty);
      const uni = unigramText(nonEmpty);
      const heads = unigramHeads(nonEmpty);
      const rowid = rowidOf(pid, slot);
      if (column === 't') {
        insTri.run(rowid, tri, null);
        insUni.run(rowid, uni, null, heads, null);
      } else {
        insTri.run(rowid, null, tri);
        insUni.run(rowid, null, uni, null, heads);
      }
    };

    rows.forEach((row, pid) => {
      const doc = JSON.parse(row.doc) as ProcedureInput;
      const syllables = nameSyllables(doc.name['zh-CN']);
      const legal = legalBasisLines(doc);
      const materials = doc.materials.map((m) => m.name);
      const abolished = row.abolished_on !== null || doc.abolished !== undefined;
      insProc.run(
        pid,
        row.id,
        row.code,
        row.category,
        doc.type,
        abolished ? 1 : 0,
        JSON.stringify(doc.name),
        JSON.stringify(doc.summary),
        Array.from(doc.name['zh-CN']).length,
        Array.from(doc.name.en).length,
        Array.from(doc.name.ru).length,
        JSON.stringify(syllables),
        JSON.stringify(materials),
        JSON.stringify(legal),
      );
      add(pid, SLOT.nameZh, 't', [normalizeText(doc.name['zh-CN'])]);
      add(pid, SLOT.nameEn, 't', [normalizeText(doc.name.en)]);
      add(pid, SLOT.nameRu, 't', [normalizeText(doc.name.ru)]);
      add(pid, SLOT.pinyin, 'p', [fullPinyin(syllables).text]);
      add(pid, SLOT.initials, 'p', [initials(syllables).text]);
      add(pid, SLOT.materials, 't', allLanguages(materials));
      add(pid, SLOT.legal, 't', allLanguages(legal));
    });
    setMeta(db, GENERATION_KEY, ulid());
  })();
}

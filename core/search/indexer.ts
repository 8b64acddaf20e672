import { ulid } from 'ulid';
import type { ProcedureInput } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/meta.js';
import { SCOPE_COLUMNS, bigramText, categoryItem, tableName, trigramText, type Column, type Scope } from './fts.js';

const SCOPES: readonly Scope[] = ['all', 'name'];
import { fullPinyin, initials, nameSyllables } from './pinyin.js';
import { normalizeText } from './text.js';

const INDEX_KEY = 'search_index';

export interface IndexInfo {
  generation: string;
  /** pids below this are live procedures, the rest abolished. */
  live: number;
  count: number;
}

export function indexInfo(db: Db): IndexInfo | null {
  const raw = getMeta(db, INDEX_KEY);
  return raw ? (JSON.parse(raw) as IndexInfo) : null;
}

/** A legal basis as one Chinese line, e.g. 《中华人民共和国拍卖法》第十一条. */
function legalBasisLine({ law, article }: ProcedureInput['legalBasis'][number]): string {
  return law['zh-CN'] + (article?.['zh-CN'] ?? '');
}

/** The Chinese texts a materials or legal-basis match is shown from (see result.ts). */
export interface SnippetSource {
  materials: string[];
  legal: string[];
}

interface ProcedureRow {
  id: string;
  code: string;
  category: string;
  abolished_on: string | null;
  doc: string;
}

interface Entry {
  row: ProcedureRow;
  doc: ProcedureInput;
  ord: number;
  abolished: boolean;
  nameLength: number;
}

/**
 * Rebuilds the search index from the `procedures` table. Runs inside the caller's transaction
 * when there is one (the catalog import), else in its own; readers never see half an index.
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    const tables = SCOPES.flatMap((scope) => (['tri', 'bi'] as const).map((t) => tableName(scope, t)));
    db.exec('DELETE FROM search_procs');
    for (const t of tables) db.exec(`INSERT INTO ${t} (${t}) VALUES ('delete-all')`);
    const rows = db.prepare('SELECT id, code, category, abolished_on, doc FROM procedures ORDER BY ord, id').all() as ProcedureRow[];
    const entries: Entry[] = rows.map((row, ord) => {
      const doc = JSON.parse(row.doc) as ProcedureInput;
      return { row, doc, ord, abolished: row.abolished_on !== null || doc.abolished !== undefined, nameLength: Array.from(doc.name['zh-CN']).length };
    });
    // Ranking order; the FTS tables return rowids in this order, so a page of results is the first rows of each tier.
    entries.sort((a, b) => Number(a.abolished) - Number(b.abolished) || a.nameLength - b.nameLength || a.ord - b.ord);

    const insProc = db.prepare(`INSERT INTO search_procs (pid, id, code, category, type, abolished, ord, name, summary, syllables, snippet_source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const inserts = SCOPES.map((scope) => {
      const cols = SCOPE_COLUMNS[scope];
      const sql = (t: string) => `INSERT INTO ${t} (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`;
      return { cols, tri: db.prepare(sql(tableName(scope, 'tri'))), bi: db.prepare(sql(tableName(scope, 'bi'))) };
    });
    const add = (pid: number, items: Record<Column, string[]>) => {
      for (const { cols, tri, bi } of inserts) {
        tri.run(pid, ...cols.map((c) => trigramText(items[c].filter(Boolean))));
        bi.run(pid, ...cols.map((c) => bigramText(items[c].filter(Boolean))));
      }
    };
    entries.forEach(({ row, doc, ord, abolished }, pid) => {
      const syllables = nameSyllables(doc.name['zh-CN']);
      const source: SnippetSource = { materials: doc.materials.map((m) => m.name['zh-CN']), legal: doc.legalBasis.map(legalBasisLine) };
      insProc.run(pid, row.id, row.code, row.category, doc.type, abolished ? 1 : 0, ord, JSON.stringify(doc.name), JSON.stringify(doc.summary), JSON.stringify(syllables), JSON.stringify(source));
      add(pid, {
        nzh: [normalizeText(doc.name['zh-CN'])],
        nen: [normalizeText(doc.name.en)],
        nru: [normalizeText(doc.name.ru)],
        py: [fullPinyin(syllables).text],
        ini: [initials(syllables).text],
        // Materials and legal basis are matched in Chinese, their authoritative text (translations
        // are optional, and "copy"/"licence"/"form" in every procedure would only add noise).
        mat: source.materials.map(normalizeText),
        leg: source.legal.map(normalizeText),
        cat: [categoryItem(row.category)],
      });
    });
    // One b-tree per index instead of many small segments: fewer pages read per query.
    for (const t of tables) db.exec(`INSERT INTO ${t} (${t}) VALUES ('optimize')`);
    const info: IndexInfo = { generation: ulid(), live: entries.filter((e) => !e.abolished).length, count: entries.length };
    setMeta(db, INDEX_KEY, JSON.stringify(info));
  })();
}

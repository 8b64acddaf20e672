import type { ProcedureInput } from '../contract/catalog.js';
import { pickLang, type Localized } from '../contract/common.js';
import type { CategoryList, Lang, ProcedureDetail, ProcedureSummary, ProhibitionList } from '../contract/index.js';
import type { Db } from '../db/connection.js';

interface ProcedureRow {
  id: string;
  code: string;
  doc: string;
}

const opt = (t: Localized | undefined | null, lang: Lang): string | null => (t ? pickLang(t, lang) : null);

export function getProcedureDetail(db: Db, id: string, lang: Lang): ProcedureDetail | null {
  const row = db.prepare('SELECT id, code, doc FROM procedures WHERE id = ?').get(id) as ProcedureRow | undefined;
  if (!row) return null;
  const p = JSON.parse(row.doc) as ProcedureInput;
  const cat = db.prepare('SELECT name FROM categories WHERE code = ?').get(p.category) as { name: string } | undefined;
  const dep = db.prepare('SELECT name, place, hours, phone FROM departments WHERE code = ?').get(p.department) as
    | { name: string; place: string; hours: string; phone: string }
    | undefined;
  const L = (json: string | undefined): string => (json ? pickLang(JSON.parse(json) as Localized, lang) : '');

  let abolished: ProcedureDetail['abolished'] = null;
  if (p.abolished) {
    let replacedBy: { id: string; name: string } | null = null;
    if (p.abolished.replacedBy) {
      const r = db.prepare('SELECT id, doc FROM procedures WHERE code = ?').get(p.abolished.replacedBy) as ProcedureRow | undefined;
      if (r) replacedBy = { id: r.id, name: pickLang((JSON.parse(r.doc) as ProcedureInput).name, lang) };
    }
    abolished = { date: p.abolished.date, note: opt(p.abolished.note, lang), replacedBy };
  }

  return {
    id: row.id,
    code: p.code,
    baseCode: p.baseCode,
    name: pickLang(p.name, lang),
    summary: pickLang(p.summary, lang),
    type: p.type,
    category: { code: p.category, name: L(cat?.name) },
    department: { code: p.department, name: L(dep?.name), place: L(dep?.place), hours: L(dep?.hours), phone: dep?.phone ?? '' },
    legalBasis: p.legalBasis.map((b) => ({ law: pickLang(b.law, lang), article: opt(b.article, lang) })),
    conditions: p.conditions.map((c) => pickLang(c, lang)),
    statutoryDays: p.statutoryDays,
    promisedDays: p.promisedDays,
    timeLimitNote: opt(p.timeLimitNote, lang),
    materials: p.materials.map((m) => ({
      name: pickLang(m.name, lang),
      originals: m.originals,
      copies: m.copies,
      required: m.required,
      note: opt(m.note, lang),
    })),
    fee: p.fee,
    feeNote: opt(p.feeNote, lang),
    result: opt(p.result, lang),
    visits: p.visits,
    immediate: p.immediate,
    consultPhone: p.consultPhone,
    supervisePhone: p.supervisePhone,
    flow: p.flow.map((s) => ({ title: pickLang(s.title, lang), actor: opt(s.actor, lang), days: s.days ?? null })),
    onlineUrl: p.onlineUrl,
    abolished,
  };
}

/** Categories in their catalog order, each with how many live (not abolished) procedures it holds. */
export function listCategories(db: Db, lang: Lang): CategoryList {
  const rows = db
    .prepare(
      `SELECT c.code, c.name, (SELECT count(*) FROM procedures p WHERE p.category = c.code AND p.abolished_on IS NULL) AS count
       FROM categories c ORDER BY c.ord, c.code`,
    )
    .all() as { code: string; name: string; count: number }[];
  return { items: rows.map((r) => ({ code: r.code, name: pickLang(JSON.parse(r.name) as Localized, lang), count: r.count })) };
}

/** The eleven prohibitions: `text` in the requested language, `original` always the Chinese wording. */
export function listProhibitions(db: Db, lang: Lang): ProhibitionList {
  const rows = db.prepare('SELECT no, text FROM prohibitions ORDER BY no').all() as { no: number; text: string }[];
  return {
    items: rows.map((r) => {
      const t = JSON.parse(r.text) as Localized;
      return { no: r.no, text: pickLang(t, lang), original: t['zh-CN'] };
    }),
    supervisePhone: officeSupervisePhone(db),
  };
}

/** The supervision phone most live procedures give (ties: the first in catalog order): the office-wide one. */
function officeSupervisePhone(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT json_extract(doc, '$.supervisePhone') AS phone FROM procedures
       WHERE abolished_on IS NULL AND json_extract(doc, '$.supervisePhone') IS NOT NULL
       GROUP BY phone ORDER BY COUNT(*) DESC, MIN(ord) LIMIT 1`,
    )
    .get() as { phone: string } | undefined;
  return row?.phone ?? null;
}

/** Plain browsing of one category in catalog order, live procedures first (no search ranking). */
export function listProceduresByCategory(db: Db, category: string, lang: Lang): ProcedureSummary[] {
  const rows = db
    .prepare('SELECT id, code, doc FROM procedures WHERE category = ? ORDER BY abolished_on IS NOT NULL, ord')
    .all(category) as ProcedureRow[];
  return rows.map((r) => {
    const p = JSON.parse(r.doc) as ProcedureInput;
    const name = pickLang(p.name, lang);
    return {
      id: r.id,
      code: r.code,
      name,
      summary: pickLang(p.summary, lang),
      category: p.category,
      type: p.type,
      abolished: p.abolished !== undefined,
      matchedIn: 'none',
      nameHighlight: [{ text: name, hit: false }],
    };
  });
}

export function catalogStats(db: Db): { procedures: number; importedAt: string | null } {
  const n = (db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'catalog_imported_at'").get() as { value: string } | undefined;
  return { procedures: n, importedAt: row?.value ?? null };
}

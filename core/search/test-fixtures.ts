import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcedureInput, type Localized, type LocalizedRequired } from '../contract/index.js';
import { openDatabase, type Db } from '../db/connection.js';
import { rebuildSearchIndex } from './indexer.js';

/** Test and benchmark support: a catalog written straight into the tables, without the importer. */

export interface ProcedureSketch {
  code: string;
  name: LocalizedRequired;
  category?: string;
  materials?: Localized[];
  legalBasis?: { law: Localized; article?: Localized }[];
  abolished?: boolean;
}

export function procedureDoc(s: ProcedureSketch): ProcedureInput {
  return ProcedureInput.parse({
    code: s.code,
    baseCode: s.code,
    name: s.name,
    summary: { 'zh-CN': `${s.name['zh-CN']}的办理指南`, en: `How to apply: ${s.name.en}`, ru: `Порядок: ${s.name.ru}` },
    type: 'administrative_licence',
    category: s.category ?? 'general',
    department: 'commerce',
    legalBasis: s.legalBasis ?? [{ law: { 'zh-CN': '《中华人民共和国行政许可法》', en: 'Administrative Licensing Law' }, article: { 'zh-CN': '第十二条', en: 'Article 12' } }],
    conditions: [{ 'zh-CN': '依法设立的企业', en: 'A lawfully established enterprise' }],
    statutoryDays: 20,
    promisedDays: 10,
    materials: (s.materials ?? [{ 'zh-CN': '申请表', en: 'Application form', ru: 'Заявление' }]).map((name) => ({
      name,
      originals: 1,
      copies: 0,
      required: true,
    })),
    fee: 0,
    result: { 'zh-CN': '批准文件', en: 'Approval' },
    visits: 1,
    immediate: false,
    consultPhone: '0451-12345678',
    supervisePhone: '0451-87654321',
    flow: [{ title: { 'zh-CN': '受理', en: 'Acceptance' } }],
    onlineUrl: 'https://example.gov.cn/',
    ...(s.abolished ? { abolished: { date: '2022-12-30' } } : {}),
  });
}

/** Writes categories, one department and the procedures (catalog order = array order), then indexes them. */
export function seedCatalog(db: Db, docs: readonly ProcedureInput[]): void {
  db.transaction(() => {
    const categories = [...new Set(docs.map((d) => d.category))];
    const insCat = db.prepare('INSERT OR IGNORE INTO categories (code, name, ord) VALUES (?, ?, ?)');
    categories.forEach((code, i) => insCat.run(code, JSON.stringify({ 'zh-CN': code, en: code, ru: code }), i));
    db.prepare('INSERT OR IGNORE INTO departments (code, name, place, hours, phone) VALUES (?, ?, ?, ?, ?)').run(
      'commerce',
      JSON.stringify({ 'zh-CN': '商务厅', en: 'Department of Commerce', ru: 'Департамент торговли' }),
      JSON.stringify({ 'zh-CN': '一楼' }),
      JSON.stringify({ 'zh-CN': '9:00-17:00' }),
      '0451-12345678',
    );
    const ins = db.prepare(
      'INSERT INTO procedures (id, code, category, department, name_zh, abolished_on, ord, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    docs.forEach((d, i) =>
      ins.run(`p-${d.code}`, d.code, d.category, d.department, d.name['zh-CN'], d.abolished?.date ?? null, i, JSON.stringify(d)),
    );
    rebuildSearchIndex(db);
  })();
}

export function tempDatabase(): { db: Db; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'search-'));
  const db = openDatabase(join(dir, 'terminal.db'));
  return {
    db,
    dir,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

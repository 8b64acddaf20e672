import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogFile } from '../contract/catalog.js';
import { LANGS } from '../contract/common.js';
import { validateCatalogText } from '../common/catalog-validate.js';
import { seedCatalog, seedText } from './test-support.js';

// The seed plan sits beside the repository (see README.md), not inside it.
const SEED_PLAN = fileURLToPath(new URL('../../assets/seed/implementation-plan.zh.txt', import.meta.url));
const catalog = seedCatalog();
const byName = (zh: string) => catalog.procedures.find((p) => p.name['zh-CN'] === zh);

/** The real items in /work/shared/FACTS.md "Seed catalog", with what the guide must say about each. */
const REAL_ITEMS = [
  { name: '对外劳务合作经营资格核准', law: '国务院令第620号', article: '第七条', statutory: 20, promised: 2, result: '对外劳务合作经营资格证书', condition: '600万元' },
  { name: '报废机动车回收拆解企业资质认定', law: '国务院令第715号', law2: '商务部令2020年第2号', statutory: null, result: '资质认定书', note: '5个工作日' },
  { name: '拍卖企业从事拍卖业务许可', law: '拍卖法', article: '第十一条', law2: '商务部令2015年第2号', article2: '第十三条', statutory: null, result: '拍卖经营批准证书', condition: '100万元', note: '未确认' },
  { name: '单用途商业预付卡备案', law: '商务部令2012年第9号', article: '第七条', statutory: 20, promised: 7, result: '备案回执', condition: '30日' },
  { name: '商业特许经营备案', law: '商业特许经营管理条例', article: '第八条', law2: '商务部令2011年第5号', statutory: 10, condition: '两店一年' },
  { name: '技术进出口合同登记（自由类）', law: '技术进出口管理条例', law2: '商务部令2009年第3号', statutory: 3, condition: '60日' },
  { name: '企业境外投资备案', law: '商务部令2014年第3号', statutory: 3, result: '企业境外投资证书', note: '2年' },
  { name: '成品油批发、仓储经营备案', law: '商务部令2025年第4号', statutory: null, note: '2025年9月1日' },
  { name: '直销企业服务网点方案确认', law: '直销管理条例', law2: '商务部令2006年第20号', statutory: null, note: '7日' },
  { name: '自动进口许可证签发', law: '货物自动进口许可管理办法', statutory: 10, note: '6个月' },
] as const;

describe('seed catalog assets/catalog/commerce.json', () => {
  it('passes schema and semantic validation', () => {
    const r = validateCatalogText(seedText());
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(CatalogFile.safeParse(catalog).success).toBe(true);
  });

  it.each(REAL_ITEMS)('offers $name as a live item with the facts as published', (item) => {
    const p = byName(item.name);
    expect(p, item.name).toBeDefined();
    if (!p) return;
    expect(p.abolished).toBeUndefined();
    const laws = p.legalBasis.map((b) => `${b.law['zh-CN']} ${b.article?.['zh-CN'] ?? ''}`);
    expect(laws.some((l) => l.includes(item.law) && ('article' in item ? l.includes(item.article) : true))).toBe(true);
    if ('law2' in item) {
      expect(laws.some((l) => l.includes(item.law2) && ('article2' in item ? l.includes(item.article2) : true))).toBe(true);
    }
    expect(p.statutoryDays).toBe(item.statutory);
    if ('promised' in item) expect(p.promisedDays).toBe(item.promised);
    if (item.statutory === null) expect(p.timeLimitNote?.['zh-CN']).toBeTruthy();
    if ('result' in item) expect(p.result?.['zh-CN']).toContain(item.result);
    if ('condition' in item) expect(p.conditions.map((c) => c['zh-CN']).join(' ')).toContain(item.condition);
    if ('note' in item) expect(p.timeLimitNote?.['zh-CN']).toContain(item.note);
  });

  it('charges nothing for the items the facts say are free', () => {
    for (const name of ['对外劳务合作经营资格核准', '单用途商业预付卡备案', '技术进出口合同登记（自由类）', '直销企业服务网点方案确认']) {
      expect(byName(name)?.fee, name).toBe(0);
    }
  });

  it('marks abolished items as abolished, never as live', () => {
    const trade = byName('对外贸易经营者备案登记');
    expect(trade?.abolished?.date).toBe('2022-12-30');
    expect(trade?.abolished?.note?.['zh-CN']).toContain('2022年12月30日');
    const fie = byName('外商投资企业设立审批');
    expect(fie?.abolished?.date).toBe('2020-01-01');
    expect(fie?.abolished?.replacedBy).toBe('FI-01');
    const live = catalog.procedures.filter((p) => !p.abolished).map((p) => p.name['zh-CN']);
    for (const gone of ['对外贸易经营者备案登记', '典当', '酒类流通备案', '外商投资企业设立审批']) {
      expect(live.some((n) => n.includes(gone)), gone).toBe(false);
    }
  });

  it('names and summarises every procedure, category and department in all three languages', () => {
    const all = [
      ...catalog.categories.map((c) => c.name),
      ...catalog.departments.map((d) => d.name),
      ...catalog.procedures.flatMap((p) => [p.name, p.summary]),
    ];
    for (const text of all) for (const lang of LANGS) expect(text[lang], JSON.stringify(text)).toMatch(/\S/);
    // Translations are real translations, not copies of the Chinese.
    for (const p of catalog.procedures) {
      expect(p.name.en).not.toMatch(/\p{Script=Han}/u);
      expect(p.name.ru).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('fills every category with several live procedures and gives each a usable guide', () => {
    expect(catalog.categories.length).toBeGreaterThanOrEqual(6);
    expect(catalog.procedures.length).toBeGreaterThanOrEqual(30);
    for (const c of catalog.categories) {
      expect(catalog.procedures.filter((p) => p.category === c.code && !p.abolished).length, c.code).toBeGreaterThanOrEqual(3);
    }
    for (const p of catalog.procedures) {
      expect(p.flow.length, p.code).toBeGreaterThanOrEqual(3);
      expect(p.flow.length, p.code).toBeLessThanOrEqual(6);
      expect(p.consultPhone, p.code).toMatch(/^0451-\d{8}$/);
      expect(p.supervisePhone, p.code).toMatch(/^0451-\d{8}$/);
      expect(p.onlineUrl, p.code).toMatch(/^https:\/\//);
      expect([0, 1], p.code).toContain(p.visits);
      for (const m of p.materials) expect(m.name.en && m.name.ru, `${p.code} ${m.name['zh-CN']}`).toBeTruthy();
    }
  });

  it('quotes the eleven prohibitions word for word from seed section 二(三)', () => {
    const plan = readFileSync(SEED_PLAN, 'utf8')
      .replaceAll('**', '')
      // The plan text is a PDF extraction: item 1 is split across a page break.
      .replace(/\s*\n\s*/g, '');
    const section = plan.slice(plan.indexOf('明确“十一不准”'), plan.indexOf('（四）公开办事流程'));
    const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
    expect(catalog.prohibitions.map((p) => p.no)).toEqual(ordinals.map((_, i) => i + 1));
    for (const p of catalog.prohibitions) {
      const zh = p.text['zh-CN'];
      expect(zh.startsWith(`${ordinals[p.no - 1]}不准`), zh).toBe(true);
      expect(section.includes(`${zh}；`) || section.includes(`${zh}。`), zh).toBe(true);
      expect(p.text.en).not.toMatch(/\p{Script=Han}/u);
      expect(p.text.ru).toMatch(/\p{Script=Cyrillic}/u);
    }
  });
});

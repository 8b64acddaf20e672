import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcedureDetail } from '../contract/procedures.js';
import type { Db } from '../db/connection.js';
import { importCatalogText } from './import.js';
import { catalogStats, getProcedureDetail, listCategories, listProceduresByCategory, listProhibitions } from './repository.js';
import { seedCatalog, tempDb } from './test-support.js';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  const c = seedCatalog();
  // Leave some translations out, as a real catalog may: those fields must fall back to Chinese.
  const tt = c.procedures.find((p) => p.code === 'TT-01')!;
  delete tt.materials[0]!.name.ru;
  delete tt.flow[0]!.title.en;
  delete tt.timeLimitNote!.ru;
  importCatalogText(db, JSON.stringify(c));
});
afterEach(() => cleanup());

const idOf = (code: string): string => (db.prepare('SELECT id FROM procedures WHERE code = ?').get(code) as { id: string }).id;

describe('getProcedureDetail', () => {
  it('resolves every field to the requested language, falling back to Chinese where a translation is missing', () => {
    const ru = getProcedureDetail(db, idOf('TT-01'), 'ru')!;
    expect(ProcedureDetail.parse(ru)).toEqual(ru);
    expect(ru.name).toBe('Регистрация договоров на импорт и экспорт технологий (свободно обращающиеся технологии)');
    expect(ru.materials[0]!.name).toBe('技术进（出）口合同登记申请书');
    expect(ru.materials[1]!.name).toBe('Копия договора (с переводом на китайский, если договор на иностранном языке)');
    expect(ru.timeLimitNote).toBe('材料齐全、内容真实的，3个工作日内颁发登记证书。');
    expect(ru.flow[0]!.title).toBe('Подача заявки онлайн');
    expect(ru.department).toEqual({
      code: 'STD',
      name: 'Отдел торговли услугами',
      place: 'Отдел консультационного обслуживания, зал на первом этаже',
      hours: 'Пн–пт 8:30–12:00 и 13:30–17:00, кроме праздничных дней',
      phone: '0451-82626714',
    });
    expect(ru.category).toEqual({ code: 'technology-trade', name: 'Торговля технологиями' });

    const en = getProcedureDetail(db, idOf('TT-01'), 'en')!;
    expect(en.flow[0]!.title).toBe('网上申报');
    expect(en.flow[0]!.actor).toBe('Applicant');
    expect(en.statutoryDays).toBe(3);
    expect(en.fee).toBe(0);

    const zh = getProcedureDetail(db, idOf('OI-03'), 'zh-CN')!;
    expect(zh.legalBasis).toEqual([{ law: '《对外劳务合作管理条例》（国务院令第620号）', article: '第七条' }]);
    expect(zh.result).toBe('《对外劳务合作经营资格证书》');
    expect([zh.statutoryDays, zh.promisedDays]).toEqual([20, 2]);
    expect(zh.abolished).toBeNull();
  });

  it('shows an abolished item with its date, note and the procedure that replaced it', () => {
    const d = getProcedureDetail(db, idOf('FI-05'), 'en')!;
    expect(d.abolished).toEqual({
      date: '2020-01-01',
      note: expect.stringContaining('Foreign Investment Law'),
      replacedBy: { id: idOf('FI-01'), name: 'Foreign investment information report (initial and change reports)' },
    });
    expect(getProcedureDetail(db, idOf('FT-05'), 'zh-CN')!.abolished).toMatchObject({ date: '2022-12-30', replacedBy: null });
  });

  it('returns null for an unknown id', () => {
    expect(getProcedureDetail(db, '01HZZZZZZZZZZZZZZZZZZZZZZZ', 'zh-CN')).toBeNull();
  });
});

describe('lists', () => {
  it('lists categories in order with counts of live procedures only', () => {
    const { items } = listCategories(db, 'en');
    expect(items.map((c) => c.code)).toEqual(seedCatalog().categories.map((c) => c.code));
    expect(items[0]).toEqual({ code: 'foreign-trade', name: 'Foreign trade', count: 4 });
    expect(items.find((c) => c.code === 'foreign-investment')!.count).toBe(4);
    const live = seedCatalog().procedures.filter((p) => !p.abolished).length;
    expect(items.reduce((n, c) => n + c.count, 0)).toBe(live);
  });

  it('lists the eleven prohibitions in the chosen language with the Chinese original', () => {
    const { items } = listProhibitions(db, 'ru');
    expect(items).toHaveLength(11);
    expect(items[0]).toMatchObject({ no: 1, original: '一不准强迫市场主体和群众进入业务处室，办事一律在咨询服务处' });
    expect(items[0]!.text).toMatch(/^Первое/);
    expect(items[10]!.original).toBe('十一不准以权压法以权乱法');
  });

  it('gives the office-wide supervision phone with the list: the one most live procedures name, abolished ones not counted', () => {
    expect(listProhibitions(db, 'zh-CN').supervisePhone).toBe('0451-82627115');
    const c = seedCatalog();
    c.procedures.forEach((p, i) => (p.supervisePhone = i < 3 ? '0451-11111111' : i < 5 ? '0451-22222222' : '0451-33333333'));
    // The most common phone belongs to abolished procedures only: it is not the office's.
    c.procedures.forEach((p, i) => {
      if (i >= 5) p.abolished = { date: '2020-01-01' };
    });
    importCatalogText(db, JSON.stringify(c));
    expect(listProhibitions(db, 'en').supervisePhone).toBe('0451-11111111');
  });

  it('browses a category with live procedures before abolished ones', () => {
    const items = listProceduresByCategory(db, 'foreign-trade', 'zh-CN');
    expect(items.map((p) => [p.code, p.abolished])).toEqual([
      ['FT-01', false],
      ['FT-02', false],
      ['FT-03', false],
      ['FT-04', false],
      ['FT-05', true],
    ]);
    expect(catalogStats(db).procedures).toBe(seedCatalog().procedures.length);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../contract/catalog.js';
import { validateCatalogText, type CatalogIssue } from './catalog-validate.js';

const seedCatalog = (): CatalogFile => JSON.parse(readFileSync(new URL('../../assets/catalog/commerce.json', import.meta.url), 'utf8')) as CatalogFile;

function issuesOf(mutate: (c: CatalogFile) => void): CatalogIssue[] {
  const c = seedCatalog();
  mutate(c);
  const r = validateCatalogText(JSON.stringify(c, null, 2));
  return r.ok ? [] : r.issues;
}

describe('validateCatalogText', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const r = validateCatalogText('{\n  "version": 1,\n  "categories": [}\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.path).toBe('line 3, column 18');
    expect(r.issues[0]!.message).toContain('第 3 行第 18 列');
  });

  it('places a truncated file at its end', () => {
    const r = validateCatalogText('{\n  "version": 1,\n  "categories": [');
    expect(r.ok ? '' : r.issues[0]!.path).toBe('line 3, column 18');
  });

  it('rejects vague material clauses in every language, with the exact path and procedure code', () => {
    const issues = issuesOf((c) => {
      c.procedures[0]!.materials[0]!.name['zh-CN'] = '其他相关材料';
      c.procedures[1]!.materials[1]!.name.en = 'Other materials as required';
      c.procedures[2]!.materials[0]!.name.ru = 'Иные документы по запросу';
      c.procedures[3]!.materials[0]!.name['zh-CN'] = '营业执照等材料';
    });
    expect(issues.map((i) => [i.path, i.procedure])).toEqual([
      ['procedures[0].materials[0].name.zh-CN', 'FT-01'],
      ['procedures[1].materials[1].name.en', 'FT-02'],
      ['procedures[2].materials[0].name.ru', 'FT-03'],
      ['procedures[3].materials[0].name.zh-CN', 'FT-04'],
    ]);
    expect(issues[0]!.message).toContain('相关材料');
  });

  it('collects every problem in one pass, schema and semantic alike', () => {
    const issues = issuesOf((c) => {
      c.procedures[4]!.code = c.procedures[0]!.code;
      c.procedures[5]!.category = 'no-such-category';
      c.procedures[6]!.department = 'NOPE';
      c.procedures[7]!.abolished = { date: '2021-05-01', replacedBy: 'XX-99' };
      c.procedures[8]!.statutoryDays = 5;
      c.procedures[8]!.promisedDays = 9;
      c.procedures[9]!.name.ru = '';
      (c.procedures[10] as Record<string, unknown>).colour = 'red';
      c.prohibitions[10]!.no = 2;
      c.categories[1]!.code = c.categories[0]!.code;
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'procedures[4].code',
        'procedures[5].category',
        'procedures[6].department',
        'procedures[7].abolished.replacedBy',
        'procedures[8].promisedDays',
        'procedures[9].name.ru',
        'procedures[10].colour',
        'prohibitions[10].no',
        'prohibitions',
        'categories[1].code',
      ]),
    );
    expect(issues.find((i) => i.path === 'prohibitions')!.message).toContain('11');
    expect(issues.find((i) => i.path === 'procedures[4].code')!.message).toContain('procedures[0]');
    // Issues come in file order.
    expect(paths.indexOf('categories[1].code')).toBeLessThan(paths.indexOf('procedures[4].code'));
    expect(paths.indexOf('procedures[9].name.ru')).toBeLessThan(paths.indexOf('procedures[10].colour'));
  });

  it('accepts specific material names that merely contain similar words', () => {
    expect(
      issuesOf((c) => {
        c.procedures[0]!.materials[0]!.name = { 'zh-CN': '有关部门出具的批准文件', en: 'Approval issued by the competent authority', ru: 'Разрешение компетентного органа' };
      }),
    ).toEqual([]);
  });
});

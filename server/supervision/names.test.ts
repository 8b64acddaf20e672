import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importServerCatalog } from '../sync/catalog.js';
import { backends } from '../test-db.js';
import { feedbackFixture, type FeedbackFixture } from './test-support.js';

describe.each(backends)('names for the supervision pages on $name', (backend) => {
  let f: FeedbackFixture;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
  });
  afterAll(() => f?.close());

  it("gives the hall's lines at once, the catalog's procedures and prohibitions in every language once it is imported; staff of the pages only", async () => {
    const before = await f.staff('supervisor', 'GET', '/api/supervision/names');
    expect(before.status).toBe(200);
    expect(before.body.lines.length).toBeGreaterThan(0);
    expect(before.body.lines).toContainEqual({ hall: 'main', code: 'A', name: expect.objectContaining({ 'zh-CN': expect.any(String) }) });
    expect(before.body.prohibitions).toEqual([]);

    const imported = await importServerCatalog(f.db, readFileSync(new URL('../../assets/catalog/commerce.json', import.meta.url), 'utf8'), new Date(f.clock.now));
    expect(imported.ok).toBe(true);
    const after = await f.staff('dept', 'GET', '/api/supervision/names');
    expect(after.status).toBe(200);
    expect(after.body.prohibitions.map((p: { no: number }) => p.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(after.body.prohibitions[1].text).toEqual({ 'zh-CN': '二不准对企业群众态度冷漠言语粗鲁', en: 'Second, no cold attitude or rude words towards businesses and citizens', ru: expect.stringMatching(/^Второе/) });
    expect(after.body.procedures.find((p: { code: string }) => p.code === 'TT-02').name.en).toBe('Changes to a registered technology contract');

    expect((await f.staff('clerk', 'GET', '/api/supervision/names')).status).toBe(403);
    expect((await f.staff(null, 'GET', '/api/supervision/names')).status).toBe(401);
  });
});

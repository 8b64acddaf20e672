import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { CatalogFile } from '../contract/catalog.js';
import { HallConfig } from '../contract/queue.js';
import type { Db } from '../db/connection.js';
import { pendingEvents } from '../outbox/outbox.js';
import { CatalogValidationError, importCatalogText } from './import.js';
import { seedCatalog, seedText, snapshot, tempDb } from './test-support.js';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDb()));
afterEach(() => cleanup());

const ids = (): Record<string, string> =>
  Object.fromEntries((db.prepare('SELECT code, id FROM procedures').all() as { code: string; id: string }[]).map((r) => [r.code, r.id]));

function rejected(text: string): CatalogValidationError {
  try {
    importCatalogText(db, text);
  } catch (err) {
    if (err instanceof CatalogValidationError) return err;
    throw err;
  }
  throw new Error('the import was expected to fail');
}

const mutated = (mutate: (c: CatalogFile) => void): string => {
  const c = seedCatalog();
  mutate(c);
  return JSON.stringify(c, null, 2);
};

describe('importCatalogText', () => {
  it('imports the seed catalog with its meta, outbox event and search index', () => {
    const text = seedText();
    const s = importCatalogText(db, text, new Date('2026-03-01T08:00:00Z'));
    const catalog = seedCatalog();
    expect(s).toMatchObject({ procedures: catalog.procedures.length, categories: catalog.categories.length, departments: catalog.departments.length });
    const snap = snapshot(db) as Record<string, unknown>;
    expect(snap).toMatchObject({
      procedures: catalog.procedures.length,
      prohibitions: 11,
      outbox: 1,
      hash: createHash('sha256').update(text).digest('hex'),
      importedAt: '2026-03-01T08:00:00.000Z',
    });
    const [event] = pendingEvents(db);
    expect(event).toMatchObject({ type: 'catalog.imported', payload: { hash: s.hash, procedures: catalog.procedures.length, categories: catalog.categories.length } });
    for (const id of Object.values(ids())) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('keeps procedure ids across re-imports and removes procedures dropped from the file', () => {
    importCatalogText(db, seedText());
    const before = ids();
    importCatalogText(db, seedText());
    expect(ids()).toEqual(before);

    importCatalogText(
      db,
      mutated((c) => {
        c.procedures = c.procedures.filter((p) => p.code !== 'TT-05');
        c.procedures[0]!.name['zh-CN'] = '自动进口许可证签发（更新）';
      }),
    );
    const after = ids();
    expect(after['TT-05']).toBeUndefined();
    const { ['TT-05']: _dropped, ...kept } = before;
    expect(after).toEqual(kept);
    expect((db.prepare("SELECT name_zh FROM procedures WHERE code = 'FT-01'").get() as { name_zh: string }).name_zh).toBe('自动进口许可证签发（更新）');
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(3);
  });

  const bad: [string, () => string, string][] = [
    ['malformed JSON', () => seedText().replace('"version": 1,', '"version": 1,,'), 'line 2, column 16'],
    ['a duplicate procedure code', () => mutated((c) => void (c.procedures[3]!.code = c.procedures[1]!.code)), 'procedures[3].code'],
    ['a vague material clause', () => mutated((c) => void (c.procedures[2]!.materials[1]!.name['zh-CN'] = '有关材料')), 'procedures[2].materials[1].name.zh-CN'],
    ['an unknown category', () => mutated((c) => void (c.procedures[6]!.category = 'pawnbroking')), 'procedures[6].category'],
  ];

  it.each(bad)('rejects %s with its path and leaves an imported database exactly as it was', (_what, text, path) => {
    importCatalogText(db, seedText());
    const before = snapshot(db);
    const err = rejected(text());
    expect(err.issues.map((i) => i.path)).toContain(path);
    expect(snapshot(db)).toEqual(before);
  });

  it.each(bad)('rejects %s and leaves an empty database empty', (_what, text, path) => {
    const before = snapshot(db);
    expect(rejected(text()).issues.map((i) => i.path)).toContain(path);
    expect(snapshot(db)).toEqual(before);
    expect(before).toMatchObject({ procedures: 0, outbox: 0, hash: null });
  });
});

describe('importCatalogText against the hall', () => {
  const hall = () => HallConfig.parse(JSON.parse(readFileSync(new URL('../../assets/hall/default.json', import.meta.url), 'utf8')));

  it('imports the seed catalog checked against the shipped hall', () => {
    expect(importCatalogText(db, seedText(), new Date('2026-03-01T08:00:00Z'), [hall()]).procedures).toBe(seedCatalog().procedures.length);
  });

  it('refuses a catalog that the hall contradicts, listing every error, and imports nothing', () => {
    const before = snapshot(db);
    const h = hall();
    h.services[3]!.procedures = h.services[3]!.procedures.filter((p) => p !== 'TT-05');
    const text = mutated((c) => {
      c.departments.find((d) => d.code === 'STD')!.place['zh-CN'] = '省商务厅咨询服务处（一楼大厅）7号窗口';
    });
    let err: unknown;
    try {
      importCatalogText(db, text, new Date(), [h]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CatalogValidationError);
    const listed = (err as CatalogValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    expect(listed).toContain('departments[6].place.zh-CN: the place names window 7, which hall main does not have (its counters: 1–6)');
    expect(listed.find((l) => l.includes('TT-05'))).toMatch(/^procedures\[\d+\]: procedure TT-05 is served at no line of hall main$/);
    expect(snapshot(db)).toEqual(before);
    expect(pendingEvents(db)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importServerCatalog } from '../sync/catalog.js';
import { latestSeq } from '../sync/changes.js';
import { backends, type TestDb } from '../test-db.js';
import { DEFAULT_HALL_FILE } from './default.js';
import { importHallConfig, listHallConfigs } from './repository.js';

const CATALOG = readFileSync(new URL('../../assets/catalog/commerce.json', import.meta.url), 'utf8');
const seedHall = () => JSON.parse(readFileSync(DEFAULT_HALL_FILE, 'utf8')) as { services: { code: string; procedures: string[]; counters: number[] }[]; counters: number[] };

describe.each(backends)('hall and catalog imports check each other on $name', (backend) => {
  let t: TestDb;
  const now = new Date('2026-03-02T01:30:00Z');
  beforeAll(async () => {
    t = await backend.open();
    expect((await importServerCatalog(t.db, CATALOG, now)).ok).toBe(true);
    expect((await importHallConfig(t.db, readFileSync(DEFAULT_HALL_FILE, 'utf8'), now)).ok).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a hall that leaves a live procedure without a line, names a missing counter or an unknown procedure, listing every error; nothing changes', async () => {
    const held = await listHallConfigs(t.db);
    const seq = await latestSeq(t.db);
    const bad = seedHall();
    bad.services[3]!.procedures = ['TT-01', 'TT-02', 'TT-03', 'TT-04', 'NOPE-99'];
    bad.services[3]!.counters = [7];
    const result = await importHallConfig(t.db, JSON.stringify(bad), now);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'services[3].counters[0]', message: 'line D names counter 7, which hall main does not have (its counters: 1–6)' },
        { path: 'services[3].procedures[4]', message: 'procedure NOPE-99 is not in the catalog' },
        { path: 'services', message: 'procedure TT-05 is served at no line of hall main' },
      ],
    });
    expect(await listHallConfigs(t.db)).toEqual(held);
    expect(await latestSeq(t.db)).toBe(seq);
  });

  it('refuses a catalog that drops a procedure a line serves or names a window its line does not use; nothing changes', async () => {
    const held = await t.db.selectFrom('catalog').select(['hash', 'doc']).executeTakeFirstOrThrow();
    const seq = await latestSeq(t.db);
    const doc = JSON.parse(CATALOG) as { departments: { code: string; place: Record<string, string> }[]; procedures: { code: string }[] };
    doc.procedures = doc.procedures.filter((p) => p.code !== 'OI-05');
    const oid = doc.departments.find((d) => d.code === 'OID')!;
    oid.place['zh-CN'] = '省商务厅咨询服务处（一楼大厅）4号窗口';
    const result = await importServerCatalog(t.db, JSON.stringify(doc), now);
    expect(result.ok).toBe(false);
    const listed = result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    expect(listed).toContain('hall main services[1].procedures[8]: procedure OI-05 is not in the catalog');
    for (const code of ['OI-01', 'OI-02', 'OI-03', 'OI-04']) {
      expect(listed).toContain(`departments[3].place.zh-CN: the place names window 4, but ${code} is served at line B (counters 3) in hall main`);
    }
    expect(await t.db.selectFrom('catalog').select(['hash', 'doc']).executeTakeFirstOrThrow()).toEqual(held);
    expect(await latestSeq(t.db)).toBe(seq);
  });
});

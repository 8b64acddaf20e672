import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../core/contract/index.js';
import { queueFixture, SEED_CATALOG_FILE, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import { latestSeq } from './changes.js';
import { ensureCatalog } from './catalog-seed.js';
import { backends } from '../test-db.js';

const booking = {
  enterprise: '黑龙江龙辰国际贸易有限公司',
  contactPhone: '13812345678',
  matter: '自动进口许可证申领',
  procedureCode: 'FT-01',
  service: 'A',
  date: '2026-03-03',
  from: '09:00',
  to: '09:30',
  createdBy: 'wang.fang',
};

// An office-like server: the halls configured at start, the catalog from CATALOG_FILE (server/start.ts).
describe.each(backends)('the office server holds the catalog its terminals show, on $name', (backend) => {
  let f: QueueFixture;
  let counter: TestTerminal;
  const tmp = mkdtempSync(join(tmpdir(), 'catalog-seed-'));
  beforeAll(async () => {
    f = await queueFixture(backend);
    counter = await (await f.terminal('main', ['counter'])).asClerk('wang.fang');
  });
  afterAll(async () => {
    await f?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  const book = (over: Partial<typeof booking> = {}) => counter.call('POST', '/api/appointments', { ...booking, ...over });
  const appointments = async () => (await f.db.selectFrom('appointments').select('id').execute()).length;

  it('with no catalog, a booking for a procedure is refused with "no catalog imported"; with it, NOPE-99 is refused and FT-01 booked', async () => {
    const refused = await book({ procedureCode: 'NOPE-99' });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(refused.body)).toContain('no catalog imported');
    expect((await book()).status).toBe(400);
    expect(await appointments()).toBe(0);

    const file = SEED_CATALOG_FILE.pathname;
    expect(await ensureCatalog(f.db, file, new Date(f.clock.now))).toMatchObject({ ok: true, message: expect.stringContaining('Catalog imported') });
    // The next start finds the same file held and changes nothing.
    const seq = await latestSeq(f.db);
    expect(await ensureCatalog(f.db, file, new Date(f.clock.now))).toBeNull();
    expect(await latestSeq(f.db)).toBe(seq);

    const unknown = await book({ procedureCode: 'NOPE-99' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(unknown.body)).toContain('not a procedure of the catalog');
    expect(await appointments()).toBe(0);
    const ok = await book();
    expect(ok.status).toBe(200);
    expect((ok.body as Appointment).procedureCode).toBe('FT-01');
  });

  it('a changed catalog file is imported at the next start; one that leaves a live procedure without a line is refused and the held one stays', async () => {
    const doc = JSON.parse(readFileSync(SEED_CATALOG_FILE, 'utf8')) as { procedures: { code: string; name: Record<string, string> }[] };
    doc.procedures[0]!.name['zh-CN'] = '自动进口许可证申领（改）';
    const changed = join(tmp, 'changed.json');
    writeFileSync(changed, JSON.stringify(doc));
    expect(await ensureCatalog(f.db, changed, new Date(f.clock.now))).toMatchObject({ ok: true });
    const held = await f.db.selectFrom('catalog').select(['hash', 'doc']).executeTakeFirstOrThrow();

    doc.procedures.push({ ...doc.procedures[0]!, code: 'FT-99' });
    const orphan = join(tmp, 'orphan.json');
    writeFileSync(orphan, JSON.stringify(doc));
    const seq = await latestSeq(f.db);
    const note = await ensureCatalog(f.db, orphan, new Date(f.clock.now));
    expect(note).toMatchObject({ ok: false });
    expect(note?.message).toContain('procedure FT-99 is served at no line of hall main');
    expect(note?.message).toContain('procedure FT-99 is served at no line of hall east');
    expect(note?.message).toContain('the catalog held before stays');
    expect(await latestSeq(f.db)).toBe(seq);
    expect(await f.db.selectFrom('catalog').select(['hash', 'doc']).executeTakeFirstOrThrow()).toEqual(held);
  });
});

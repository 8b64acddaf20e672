import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesAfter, latestSeq } from '../sync/changes.js';
import { backends, type SharedDb } from '../test-db.js';
import { ADMIN_CLI, runCli } from './cli-test-support.js';

const SEED = new URL('../../assets/catalog/commerce.json', import.meta.url);

describe.each(backends)('admin CLI catalog import on $name', (backend) => {
  let shared: SharedDb;
  const tmp = mkdtempSync(join(tmpdir(), 'hall-catalog-cli-'));
  beforeAll(async () => {
    shared = await backend.openShared();
  });
  afterAll(async () => {
    await shared?.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  const admin = (args: string[]) => runCli(ADMIN_CLI, args, { env: { ...process.env, ...shared.env } });

  it('refuses an invalid catalog with its errors and changes nothing; imports a valid one as one change', { timeout: 120_000 }, async () => {
    const bad = JSON.parse(readFileSync(SEED, 'utf8')) as { procedures: { department: string }[] };
    bad.procedures[2]!.department = 'nowhere';
    const badFile = join(tmp, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const refused = await admin(['catalog', 'import', badFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was imported');
    expect(refused.stderr).toContain('procedures[2].department');

    let db = await shared.connect();
    try {
      expect(await latestSeq(db)).toBe(0);
    } finally {
      await db.destroy();
    }

    const ok = await admin(['catalog', 'import', new URL(SEED).pathname]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Catalog imported: \d+ procedures/);
    db = await shared.connect();
    try {
      const page = await changesAfter(db, 0, 10);
      expect(page).toMatchObject({ cursor: 1, hasMore: false, changes: [{ seq: 1, entity: 'catalog', op: 'upsert' }] });
    } finally {
      await db.destroy();
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HALL_FILE, ensureHallConfig } from '../halls/default.js';
import { listHallConfigs } from '../halls/repository.js';
import { changesAfter, latestSeq } from '../sync/changes.js';
import { backends, type SharedDb } from '../test-db.js';
import { ADMIN_CLI, runCli } from './cli-test-support.js';

describe.each(backends)('admin CLI hall config on $name', (backend) => {
  let shared: SharedDb;
  const tmp = mkdtempSync(join(tmpdir(), 'hall-cli-'));
  beforeAll(async () => {
    shared = await backend.openShared();
  });
  afterAll(async () => {
    await shared?.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  const admin = (args: string[]) => runCli(ADMIN_CLI, args, { env: { ...process.env, ...shared.env } });

  async function withDb<T>(fn: (db: Awaited<ReturnType<SharedDb['connect']>>) => Promise<T>): Promise<T> {
    const db = await shared.connect();
    try {
      return await fn(db);
    } finally {
      await db.destroy();
    }
  }

  it('refuses a bad hall file with every error and changes nothing; imports a good one as a change; shows it', { timeout: 180_000 }, async () => {
    const bad = JSON.parse(readFileSync(DEFAULT_HALL_FILE, 'utf8')) as { services: { code: string; counterArea: string }[]; counters: number[] };
    bad.services[1]!.code = 'A';
    bad.services[2]!.counterArea = '';
    bad.counters.push(1);
    const badFile = join(tmp, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const refused = await admin(['hall', 'import', badFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was imported');
    expect(refused.stderr).toContain('services[2].counterArea');
    await withDb(async (db) => {
      expect(await latestSeq(db)).toBe(0);
      expect(await listHallConfigs(db)).toEqual([]);
    });

    const ok = await admin(['hall', 'import', DEFAULT_HALL_FILE]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Hall main configured');
    await withDb(async (db) => {
      const page = await changesAfter(db, 0, 10);
      expect(page).toMatchObject({ cursor: 1, changes: [{ seq: 1, entity: 'hall-config', key: 'main', op: 'upsert', data: JSON.parse(readFileSync(DEFAULT_HALL_FILE, 'utf8')) }] });
      // The server's start finds a hall configured and leaves it alone.
      expect(await ensureHallConfig(db, new Date())).toBeNull();
    });

    const shown = await admin(['hall', 'show', 'main']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Hall main: counters 1, 2, 3, 4, 5, 6');
    expect(shown.stdout).toMatch(/A\s+对外贸易\s+1–2\s+wang\.fang\s+li\.na\s+FT-01,FT-02/);
  });

  it('a server starting with no hall configured imports the default one', async () => {
    const fresh = await backend.open();
    try {
      expect(await ensureHallConfig(fresh.db, new Date())).toMatchObject({ ok: true, message: expect.stringContaining('imported main') });
      expect((await listHallConfigs(fresh.db)).map((h) => h.services.map((s) => s.code).join(''))).toEqual(['ABCDE']);
    } finally {
      await fresh.close();
    }
  });
});

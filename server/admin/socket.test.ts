import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAnnouncements } from '../announcements/repository.js';
import { loadServerConfig } from '../config.js';
import { openServerDb, type ServerDb } from '../db/connection.js';
import { DEFAULT_HALL_FILE } from '../halls/default.js';
import { listHallConfigs } from '../halls/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { checkStaffLogin } from '../staff/repository.js';
import { latestSeq } from '../sync/changes.js';
import { serveAdminSocket } from './socket.js';
import { ADMIN_CLI, ANNOUNCE_CLI, runCli } from './cli-test-support.js';

/** The server holds the embedded database (this process); the admin CLI runs beside it as its own process. */
describe('admin commands while the server runs on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-admin-socket-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, STAFF_PASSWORD: '' };
  delete env.DATABASE_URL;
  const config = loadServerConfig(env);
  let db: ServerDb;
  let socket: Server | null;

  beforeAll(async () => {
    db = await openServerDb(config.db);
    socket = await serveAdminSocket(db, config, () => {});
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (script: string, args: string[], input?: string) => runCli(script, args, { env, cwd: dir, input });

  it('imports a hall file named relative to where the command was typed, into the running server, as one change', { timeout: 120_000 }, async () => {
    copyFileSync(DEFAULT_HALL_FILE, join(dir, 'hall.json'));
    const before = await latestSeq(db);
    const ok = await cli(ADMIN_CLI, ['hall', 'import', 'hall.json']);
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining('Hall main configured') });
    expect((await listHallConfigs(db)).map((h) => h.hall)).toEqual(['main']);
    expect(await latestSeq(db)).toBe(before + 1);
  });

  it('refuses a bad catalog with its errors and changes nothing; an unknown command gets the usage', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'bad.json'), '{"version": 1, "procedures": [');
    const before = await latestSeq(db);
    const refused = await cli(ADMIN_CLI, ['catalog', 'import', 'bad.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was imported');
    expect(await latestSeq(db)).toBe(before);
    const unknown = await cli(ADMIN_CLI, ['terminal', 'explode']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "terminal explode"');
    expect(unknown.stderr).toContain('Usage: npm run server:admin');
  });

  it('creates a staff account with the password typed on stdin, which then signs in; the password is not echoed back', { timeout: 120_000 }, async () => {
    const created = await cli(ADMIN_CLI, ['staff', 'create', '--login', 'zhao.min', '--name', '赵敏', '--number', '0107', '--role', 'clerk', '--hall', 'main'], 'a long enough secret\n');
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('Staff account zhao.min') });
    expect(created.stdout + created.stderr).not.toContain('a long enough secret');
    expect(await checkStaffLogin(db, 'zhao.min', 'a long enough secret')).toMatchObject({ login: 'zhao.min', name: '赵敏' });
  });

  it('publishes and withdraws an announcement through npm run server:announce', { timeout: 120_000 }, async () => {
    const today = hallDay(Date.now(), config.hallTimeZone);
    const created = await cli(ANNOUNCE_CLI, ['create', '--hall', 'main', '--zh', '今日下午停电检修', '--en', 'Power maintenance this afternoon', '--ru', 'Сегодня днём отключение электричества', '--from', today, '--until', today]);
    expect(created.code).toBe(0);
    const id = /Announcement (\w+)/.exec(created.stdout)![1]!;
    expect((await currentAnnouncements(db, today)).map((a) => a.id)).toEqual([id]);
    expect(await cli(ANNOUNCE_CLI, ['withdraw', id])).toMatchObject({ code: 0 });
    expect(await currentAnnouncements(db, today)).toEqual([]);
  });

  it('with the server holding the database but not answering, says so and changes nothing', { timeout: 120_000 }, async () => {
    socket?.close();
    socket = null;
    const before = await latestSeq(db);
    const refused = await cli(ADMIN_CLI, ['hall', 'import', 'hall.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
    expect(await latestSeq(db)).toBe(before);
  });
});

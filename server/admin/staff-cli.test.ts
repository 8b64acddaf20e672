import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStaffLogin, staffByLogin, staffPhoto } from '../staff/repository.js';
import { backends, type SharedDb } from '../test-db.js';
import { ADMIN_CLI, runCli } from './cli-test-support.js';

describe.each(backends)('staff names, photos and passwords through the admin CLI on $name', (backend) => {
  let shared: SharedDb;
  let files: string;
  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'staff-cli-'));
    shared = await backend.openShared();
  });
  afterAll(async () => {
    await shared?.cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  const admin = (args: string[], input?: string) => runCli(ADMIN_CLI, args, { env: { ...process.env, ...shared.env, STAFF_PASSWORD: '' }, input, cwd: files });
  const withDb = async <T>(fn: (db: Awaited<ReturnType<SharedDb['connect']>>) => Promise<T>): Promise<T> => {
    const db = await shared.connect();
    try {
      return await fn(db);
    } finally {
      await db.destroy();
    }
  };

  it('creates a supervisor with a Latin name, renames them, and gives them a new password from stdin', { timeout: 180_000 }, async () => {
    const created = await admin(['staff', 'create', '--login', 'wang.fang', '--name', '王芳', '--latin', 'Wang Fang', '--number', '0101', '--role', 'supervisor'], 'first password 1\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Staff account wang.fang (王芳 / Wang Fang, no. 0101, supervisor) created.');

    const renamed = await admin(['staff', 'rename', 'wang.fang', '--name', '王芳芳', '--latin', 'Wang Fangfang']);
    expect(renamed.code).toBe(0);
    expect(await withDb((db) => staffByLogin(db, 'wang.fang'))).toMatchObject({ name: '王芳芳', latinName: 'Wang Fangfang' });
    expect((await admin(['staff', 'rename', 'wang.fang', '--name', '王芳', '--latin', ''])).code).toBe(0);
    expect(await withDb((db) => staffByLogin(db, 'wang.fang'))).toMatchObject({ name: '王芳', latinName: null });
    const nobody = await admin(['staff', 'rename', 'nobody', '--name', '某人']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('No staff account "nobody"');

    const short = await admin(['staff', 'password', 'wang.fang'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('10 to 256 characters');
    expect(await withDb((db) => checkStaffLogin(db, 'wang.fang', 'first password 1'))).not.toBeNull();

    const changed = await admin(['staff', 'password', 'wang.fang'], 'second password 2\n');
    expect(changed.stderr).toBe('');
    expect(changed.stdout).toContain('New password set for wang.fang');
    expect(await withDb((db) => checkStaffLogin(db, 'wang.fang', 'first password 1'))).toBeNull();
    expect(await withDb((db) => checkStaffLogin(db, 'wang.fang', 'second password 2'))).toMatchObject({ login: 'wang.fang' });
    expect((await admin(['staff', 'password', 'nobody'], 'long enough password\n')).stderr).toContain('No staff account "nobody"');
  });

  it('sets a photo resized to 240×320 JPEG without metadata; refuses a file too large or not an image and changes nothing', { timeout: 180_000 }, async () => {
    const big = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .withExif({ IFD0: { Copyright: 'private note', Artist: 'camera owner' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(big).metadata()).exif).toBeDefined();
    writeFileSync(join(files, 'face.jpg'), big);
    writeFileSync(join(files, 'notes.txt'), 'this is not an image\n');
    writeFileSync(join(files, 'huge.png'), Buffer.alloc(5 * 1024 * 1024 + 1));

    const set = await admin(['staff', 'photo', 'wang.fang', 'face.jpg']);
    expect(set.stderr).toBe('');
    expect(set.stdout).toMatch(/Photo of wang\.fang set \(240×320 JPEG, \d+ KB\)/);
    const stored = (await withDb((db) => staffPhoto(db, 'wang.fang')))!;
    const meta = await sharp(stored).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ format: 'jpeg', width: 240, height: 320, exif: undefined });

    const notImage = await admin(['staff', 'photo', 'wang.fang', 'notes.txt']);
    expect(notImage.code).toBe(1);
    expect(notImage.stderr).toContain('The file is not an image');
    expect(notImage.stderr).toContain('Nothing was changed.');
    const tooBig = await admin(['staff', 'photo', 'wang.fang', 'huge.png']);
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toContain('larger than 5 MB');
    const missing = await admin(['staff', 'photo', 'wang.fang', 'gone.jpg']);
    expect(missing.stderr).toContain('Cannot read the photo file "gone.jpg"');
    expect(await withDb((db) => staffPhoto(db, 'wang.fang'))).toEqual(stored);
    expect((await admin(['staff', 'photo', 'nobody', 'face.jpg'])).stderr).toContain('No staff account "nobody"');

    const list = await admin(['staff', 'list']);
    expect(list.stdout).toMatch(/^wang\.fang\s+王芳\s+-\s+0101\s+supervisor\s+-\s+yes\s+-$/m);
  });
});

describe('server:admin in an office started with npm start', () => {
  it('finds the office server under DATA_DIR/server by itself and says so', { timeout: 120_000 }, async () => {
    const office = mkdtempSync(join(tmpdir(), 'office-'));
    try {
      writeFileSync(join(office, 'terminal.sqlite'), '');
      mkdirSync(join(office, 'server'));
      const env = { ...process.env, DATA_DIR: office, DATABASE_URL: '' };
      const res = await runCli(ADMIN_CLI, ['staff', 'list'], { env });
      expect(res.code).toBe(0);
      expect(res.stderr).toContain(`using its central server's data in ${join(office, 'server')}`);
      expect(existsSync(join(office, 'server', 'pgdata'))).toBe(true);
      expect(existsSync(join(office, 'pgdata'))).toBe(false);
    } finally {
      rmSync(office, { recursive: true, force: true });
    }
  });
});

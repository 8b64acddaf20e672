import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../config.js';
import { buildServerApp } from '../http/app.js';
import { checkStaffLogin } from '../staff/repository.js';
import { backends, type SharedDb } from '../test-db.js';
import { ADMIN_CLI, runCli } from './cli-test-support.js';

describe.each(backends)('admin CLI on $name', (backend) => {
  let shared: SharedDb;
  beforeAll(async () => {
    shared = await backend.openShared();
  });
  afterAll(async () => {
    await shared?.cleanup();
  });

  const admin = (args: string[], extraEnv: Record<string, string> = {}, input?: string) => runCli(ADMIN_CLI, args, { env: { ...process.env, ...shared.env, ...extraEnv }, input });

  // Each command is a fresh process (tsx + database start-up), hence the longer timeouts.
  it('registers a terminal whose printed code enrolls it; lists it; disables it', { timeout: 120_000 }, async () => {
    const created = await admin(['terminal', 'create', '--name', 'Kiosk east', '--hall', 'main', '--roles', 'kiosk']);
    expect(created.code).toBe(0);
    const id = /Terminal (\w+)/.exec(created.stdout)![1]!;
    const code = /Enrollment code: (\S+)/.exec(created.stdout)![1]!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);

    const db = await shared.connect();
    try {
      const app = await buildServerApp(db, loadServerConfig({}));
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: 'A'.repeat(43), deviceId: 'dev-1' } });
      await app.close();
      expect(res.json()).toMatchObject({ terminalId: id, hall: 'main', roles: ['kiosk'] });
    } finally {
      await db.destroy();
    }

    const list = await admin(['terminal', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id, name: 'Kiosk east', hall: 'main', roles: ['kiosk'], disabledAt: null })]);
    expect(JSON.parse(list.stdout)[0].enrolledAt).not.toBeNull();

    expect((await admin(['terminal', 'disable', id])).code).toBe(0);
    const table = (await admin(['terminal', 'list'])).stdout;
    expect(table).toMatch(/^ID\s+NAME\s+HALL\s+ROLES\s+PREFIX\s+ENROLLED\s+DISABLED\s+LAST SEEN\s+LAST SYNC\s+BACKLOG\s+DEAD\s+FAILED\s+CLOCK$/m);
    expect(table).toMatch(new RegExp(`^${id}\\s+Kiosk east\\s+main\\s+kiosk\\s+T\\d+\\s+\\S+ \\S+\\s+\\S+ \\S+`, 'm'));
    const unknown = await admin(['terminal', 'disable', 'NOPE']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No terminal with id "NOPE"');
  });

  it('refuses unknown roles and explains the usage', async () => {
    const res = await admin(['terminal', 'create', '--name', 'X', '--hall', 'main', '--roles', 'kiosk,cashier']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('roles: kiosk, counter, rating, hall');
    expect(res.stderr).toContain('Usage:');
  });

  it('creates a staff account with the password from stdin, and disables it', { timeout: 120_000 }, async () => {
    const created = await admin(['staff', 'create', '--login', 'wang.li', '--name', '王丽', '--number', '1001', '--role', 'supervisor'], { STAFF_PASSWORD: '' }, 'long enough password\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Staff account wang.li (王丽, no. 1001, supervisor) created.');
    const tooShort = await admin(['staff', 'create', '--login', 'short', '--name', 'S', '--number', '1002', '--role', 'inspector'], { STAFF_PASSWORD: 'short' });
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toContain('10 to 256 characters');

    const db = await shared.connect();
    try {
      expect(await checkStaffLogin(db, 'wang.li', 'long enough password')).toMatchObject({ role: 'supervisor' });
      expect(await checkStaffLogin(db, 'short', 'short')).toBeNull();
    } finally {
      await db.destroy();
    }
    expect((await admin(['staff', 'disable', 'wang.li'])).code).toBe(0);
    expect(JSON.parse((await admin(['staff', 'list', '--json'])).stdout)).toEqual([expect.objectContaining({ login: 'wang.li', disabledAt: expect.any(String) })]);
  });
});

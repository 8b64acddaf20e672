import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type SharedDb } from '../test-db.js';
import { ADMIN_CLI, runCli } from './cli-test-support.js';

describe.each(backends)('admin CLI for supervision accounts and the calendar on $name', (backend) => {
  let shared: SharedDb;
  beforeAll(async () => {
    shared = await backend.openShared();
  });
  afterAll(() => shared?.cleanup());

  const admin = (args: string[]) => runCli(ADMIN_CLI, args, { env: { ...process.env, ...shared.env, STAFF_PASSWORD: 'department-pass-1' } });

  it('creates office, department (with its unit) and inspector accounts; a department without a unit is refused', { timeout: 180_000 }, async () => {
    const noUnit = await admin(['staff', 'create', '--login', 'wu.dept', '--name', '吴刚', '--number', 'D-01', '--role', 'department']);
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toContain('needs --unit');
    const dept = await admin(['staff', 'create', '--login', 'wu.dept', '--name', '吴刚', '--number', 'D-01', '--role', 'department', '--unit', '外资处']);
    expect(dept.code).toBe(0);
    expect(dept.stdout).toContain('Staff account wu.dept (吴刚, no. D-01, department, 外资处) created.');
    expect((await admin(['staff', 'create', '--login', 'sun.insp', '--name', '孙强', '--number', 'J-01', '--role', 'inspector'])).code).toBe(0);
    const db = await shared.connect();
    try {
      const rows = await db.selectFrom('staff').select(['login', 'role', 'unit']).orderBy('login').execute();
      expect(rows).toEqual([
        { login: 'sun.insp', role: 'inspector', unit: null },
        { login: 'wu.dept', role: 'department', unit: '外资处' },
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('shows the holidays and make-up days deadlines count on, and that the file is still to be checked', { timeout: 60_000 }, async () => {
    const shown = await admin(['calendar', 'show', '2026']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('NOT YET CHECKED');
    expect(shown.stdout).toContain('2026-10-01  国庆节');
    expect(shown.stdout).toContain('2026-10-10  国庆节调休上班');
    expect(shown.stdout).toContain('due 15 working days');
  });
});

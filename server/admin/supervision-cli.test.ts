import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

  it('shows the holidays and make-up days deadlines count on; warns while a calendar file is not yet checked', { timeout: 120_000 }, async () => {
    const shown = await admin(['calendar', 'show', '2026']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain('NOT YET CHECKED');
    expect(shown.stdout).toContain('2026-10-01  国庆节');
    expect(shown.stdout).toContain('2026-10-10  国庆节调休上班');
    expect(shown.stdout).toContain('due 15 working days');

    const unchecked = join(mkdtempSync(join(tmpdir(), 'hall-calendar-')), 'cn-2027.json');
    writeFileSync(unchecked, JSON.stringify({ name: '2027', holidays: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦' }], workdays: [] }));
    const draft = await runCli(ADMIN_CLI, ['calendar', 'show', '2027'], { env: { ...process.env, ...shared.env, HOLIDAYS_FILE: unchecked } });
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('NOT YET CHECKED');
    expect(draft.stdout).toContain('2027-01-01  元旦');
    rmSync(dirname(unchecked), { recursive: true, force: true });
  });
});

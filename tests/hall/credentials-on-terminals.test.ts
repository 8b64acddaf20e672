import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { downloadCursor } from '../../core/sync/downloader.js';
import { latestSeq } from '../../server/sync/changes.js';
import { createStaff } from '../../server/staff/repository.js';
import { CLERK_PASSWORD, startHallOffice } from '../e2e/hall-office.js';

// Issue 11: a terminal holds only the credentials its role needs. After a full sync with a real
// server, the kiosk's and the hall TV's SQLite files hold no password hash and no supervisor's login;
// the counter holds its hall's clerks only.

let office: Awaited<ReturnType<typeof startHallOffice>>;
beforeAll(async () => {
  office = await startHallOffice();
  const db = office.server.db;
  await createStaff(db, { login: 'qian.sup', name: '钱静', number: 'V-01', role: 'supervisor' }, CLERK_PASSWORD, Date.now());
  await createStaff(db, { login: 'admin.a', name: '管理员', number: 'A-01', role: 'admin' }, CLERK_PASSWORD, Date.now());
  await createStaff(db, { login: 'far.clerk', name: '远方', number: '0901', role: 'clerk', hall: `other-${ulid()}` }, CLERK_PASSWORD, Date.now());
}, 120_000);
afterAll(() => office?.close());

describe('credentials on the terminals of a hall', () => {
  it('leaves no hash on a kiosk or a hall TV, and only its own hall’s clerks on a counter', { timeout: 120_000 }, async () => {
    const tv = await office.addTerminal('tv', ['hall']);
    const latest = await latestSeq(office.server.db);
    for (const t of [office.kiosk, tv, office.counter]) await expect.poll(() => downloadCursor(t.db), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(latest);

    for (const t of [office.kiosk, tv]) {
      expect(t.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 0 });
      t.db.pragma('wal_checkpoint(TRUNCATE)');
      const file = readFileSync(join(t.config.dataDir, 'terminal.sqlite')).toString('latin1');
      expect(file).not.toMatch(/scrypt\$/);
      // (The hall config names its A and B clerks by login; their records and hashes are not here.)
      for (const login of ['qian.sup', 'admin.a', 'far.clerk']) expect(file).not.toContain(login);
    }
    const held = office.counter.db.prepare('SELECT login, role FROM staff ORDER BY login').all();
    expect(held).toEqual([
      { login: 'li.na', role: 'clerk' },
      { login: 'wang.fang', role: 'clerk' },
    ]);
  });
});

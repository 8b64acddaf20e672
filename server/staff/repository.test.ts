import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffCredential } from '../../core/contract/index.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { changesAfter, latestSeq } from '../sync/changes.js';
import { backends, type TestDb } from '../test-db.js';
import type { ChangeReader } from './credentials.js';
import { checkStaffLogin, createStaff, disableStaff, listStaff, setStaffHall, StaffExistsError } from './repository.js';

describe('password hashing', () => {
  it('stores a salted scrypt hash with its parameters, never the password', async () => {
    const a = await hashPassword('counter-pass-1');
    const b = await hashPassword('counter-pass-1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('counter-pass-1');
    expect(await verifyPassword('counter-pass-1', a)).toBe(true);
    expect(await verifyPassword('counter-pass-2', a)).toBe(false);
    expect(await verifyPassword('counter-pass-1', 'md5$whatever')).toBe(false);
  });
});

describe.each(backends)('staff accounts on $name', (backend) => {
  let t: TestDb;
  const now = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with the right password only, and never once disabled', async () => {
    await createStaff(t.db, { login: 'li.na', name: '李娜', number: 'A-017', role: 'clerk' }, 'correct horse 1', now);
    expect(await checkStaffLogin(t.db, 'li.na', 'correct horse 1')).toMatchObject({ login: 'li.na', role: 'clerk', name: '李娜' });
    expect(await checkStaffLogin(t.db, 'li.na', 'correct horse 2')).toBeNull();
    expect(await checkStaffLogin(t.db, 'nobody', 'correct horse 1')).toBeNull();
    expect(await disableStaff(t.db, 'li.na', now)).toBe(true);
    expect(await checkStaffLogin(t.db, 'li.na', 'correct horse 1')).toBeNull();
    expect((await listStaff(t.db)).find((s) => s.login === 'li.na')?.disabledAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses a second account with the same login or staff number', async () => {
    await createStaff(t.db, { login: 'zhao', name: '赵强', number: 'S-1', role: 'supervisor' }, 'supervise-me-1', now);
    await expect(createStaff(t.db, { login: 'zhao', name: 'Other', number: 'S-2', role: 'clerk' }, 'password-123', now)).rejects.toEqual(new StaffExistsError('login'));
    await expect(createStaff(t.db, { login: 'zhao2', name: 'Other', number: 'S-1', role: 'clerk' }, 'password-123', now)).rejects.toEqual(new StaffExistsError('number'));
  });
});

describe.each(backends)('staff changes reach terminals on $name', (backend) => {
  let t: TestDb;
  const now = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t?.close();
  });

  const counterOf = (hall: string): ChangeReader => ({ hall, roles: ['counter', 'rating'] });
  const staffChanges = async (reader: ChangeReader, after = 0) => {
    const page = await changesAfter(t.db, after, 100, undefined, reader);
    return 'changes' in page ? { cursor: page.cursor, changes: page.changes.map((c) => [c.key, c.op, (c.data as StaffCredential | null)?.disabled ?? null]) } : null;
  };

  it('creating and disabling a clerk reach the counters of their hall with the hash, never the password', async () => {
    await createStaff(t.db, { login: 'chen.jing', name: '陈静', number: 'S-201', role: 'clerk', hall: 'main' }, 'counter-pass-9', now);
    await disableStaff(t.db, 'chen.jing', now + 1000);
    expect(await disableStaff(t.db, 'nobody', now)).toBe(false);
    const page = await changesAfter(t.db, 0, 100, undefined, counterOf('main'));
    const changes = 'changes' in page ? page.changes : [];
    // Disabled: the counter drops the hash.
    expect(changes.map((c) => [c.entity, c.key, c.op])).toEqual([
      ['staff', 'chen.jing', 'upsert'],
      ['staff', 'chen.jing', 'delete'],
    ]);
    const cred = StaffCredential.parse(changes[0]!.data);
    expect(cred).toMatchObject({ login: 'chen.jing', name: '陈静', number: 'S-201', role: 'clerk', disabled: false });
    expect(await verifyPassword('counter-pass-9', cred.passwordHash)).toBe(true);
    expect(JSON.stringify(changes)).not.toContain('counter-pass-9');
  });

  it('sends no credential to a kiosk or a hall screen, none of a supervisor to anyone, and a clerk only to their hall', async () => {
    const from = await latestSeq(t.db);
    await createStaff(t.db, { login: 'qian.sup', name: '钱静', number: 'S-900', role: 'supervisor' }, 'supervise-me-9', now);
    await createStaff(t.db, { login: 'sun.li', name: '孙丽', number: 'S-202', role: 'clerk', hall: 'main' }, 'counter-pass-8', now);
    const latest = await latestSeq(t.db);
    for (const roles of [['kiosk'], ['hall'], ['rating']] as const) expect(await staffChanges({ hall: 'main', roles }, from)).toEqual({ cursor: latest, changes: [] });
    expect(await staffChanges(counterOf('main'), from)).toEqual({ cursor: latest, changes: [['sun.li', 'upsert', false]] });
    expect(await staffChanges(counterOf('east'), from)).toEqual({ cursor: latest, changes: [['sun.li', 'delete', null]] });
    // Moved to another hall: the old hall's counters drop the clerk, the new one's receive them.
    expect(await setStaffHall(t.db, 'sun.li', 'east', now)).toBe(true);
    expect(await setStaffHall(t.db, 'qian.sup', 'east', now)).toBe(false);
    expect((await staffChanges(counterOf('main'), latest))?.changes).toEqual([['sun.li', 'delete', null]]);
    expect((await staffChanges(counterOf('east'), latest))?.changes).toEqual([['sun.li', 'upsert', false]]);
  });

  it('a refused duplicate appends nothing', async () => {
    const before = await latestSeq(t.db);
    await expect(createStaff(t.db, { login: 'chen.jing', name: 'Other', number: 'S-299', role: 'clerk' }, 'password-123', now)).rejects.toEqual(new StaffExistsError('login'));
    expect(await latestSeq(t.db)).toBe(before);
  });
});

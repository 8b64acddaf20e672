import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffCredential } from '../../core/contract/index.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { changesAfter, latestSeq } from '../sync/changes.js';
import { backends, type TestDb } from '../test-db.js';
import { checkStaffLogin, createStaff, disableStaff, listStaff, StaffExistsError } from './repository.js';

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

  it('creating and disabling an account each append a staff change with the hash, never the password', async () => {
    await createStaff(t.db, { login: 'chen.jing', name: '陈静', number: 'S-201', role: 'clerk' }, 'counter-pass-9', now);
    await disableStaff(t.db, 'chen.jing', now + 1000);
    expect(await disableStaff(t.db, 'nobody', now)).toBe(false);
    const page = await changesAfter(t.db, 0, 100);
    const changes = 'changes' in page ? page.changes : [];
    expect(changes.map((c) => [c.entity, c.key, (c.data as StaffCredential).disabled])).toEqual([
      ['staff', 'chen.jing', false],
      ['staff', 'chen.jing', true],
    ]);
    const cred = StaffCredential.parse(changes[0]!.data);
    expect(cred).toMatchObject({ login: 'chen.jing', name: '陈静', number: 'S-201', role: 'clerk' });
    expect(await verifyPassword('counter-pass-9', cred.passwordHash)).toBe(true);
    expect(JSON.stringify(changes)).not.toContain('counter-pass-9');
  });

  it('a refused duplicate appends nothing', async () => {
    const before = await latestSeq(t.db);
    await expect(createStaff(t.db, { login: 'chen.jing', name: 'Other', number: 'S-299', role: 'clerk' }, 'password-123', now)).rejects.toEqual(new StaffExistsError('login'));
    expect(await latestSeq(t.db)).toBe(before);
  });
});

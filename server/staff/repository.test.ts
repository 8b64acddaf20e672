import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
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

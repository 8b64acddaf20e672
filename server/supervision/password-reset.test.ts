import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStaffLogin } from '../staff/repository.js';
import { backends } from '../test-db.js';
import { feedbackFixture, PASSWORD, PEOPLE, type FeedbackFixture } from './test-support.js';

/**
 * Issue 12: a clerk who forgot their password gets a new one from an office user on the supervision
 * pages. The new password is answered once; the old one stops working; the reset is logged (who, whose,
 * when) and the log never holds the password.
 */
describe.each(backends)('password reset from the supervision pages on $name', (backend) => {
  let f: FeedbackFixture;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('gives a clerk a new password, shown once, and logs who reset it and when', async () => {
    const at = f.clock.now;
    const res = await f.staff('office', 'POST', `/api/supervision/staff/${PEOPLE.clerk.login}/password`, {});
    expect(res.status).toBe(200);
    const { password, reset } = res.body;
    expect(password).toMatch(/^\S{16,}$/);
    expect(reset).toEqual({ at: new Date(at).toISOString(), by: PEOPLE.office.login, byName: PEOPLE.office.name, login: PEOPLE.clerk.login, name: PEOPLE.clerk.name });

    expect(await checkStaffLogin(f.db, PEOPLE.clerk.login, PASSWORD)).toBeNull();
    expect(await checkStaffLogin(f.db, PEOPLE.clerk.login, password)).toMatchObject({ login: PEOPLE.clerk.login });

    const page = await f.staff('office', 'GET', '/api/supervision/staff');
    expect(page.status).toBe(200);
    expect(page.body.resets[0]).toEqual(reset);
    expect(page.body.staff).toContainEqual(expect.objectContaining({ login: PEOPLE.clerk.login, name: PEOPLE.clerk.name, role: 'clerk', disabled: false }));
    expect(JSON.stringify(page.body)).not.toContain(password);
    expect(JSON.stringify(await f.db.selectFrom('staff_resets').selectAll().execute())).not.toContain(password);
  });

  it('refuses other roles, other accounts and unknown logins, changing nothing', async () => {
    for (const who of ['supervisor', 'inspector', 'admin', 'dept'] as const) {
      const res = await f.staff(who, 'POST', `/api/supervision/staff/${PEOPLE.clerk.login}/password`, {});
      expect(res.status, who).toBe(403);
      expect(res.body.error.code, who).toBe('ROLE_FORBIDDEN');
    }
    expect((await f.staff('supervisor', 'GET', '/api/supervision/staff', undefined)).status).toBe(403);
    expect((await f.staff(null, 'POST', `/api/supervision/staff/${PEOPLE.clerk.login}/password`, {})).status).toBe(401);

    const notClerk = await f.staff('office', 'POST', `/api/supervision/staff/${PEOPLE.dept.login}/password`, {});
    expect([notClerk.status, notClerk.body.error.code]).toEqual([403, 'NOT_A_COUNTER_CLERK']);
    expect(await checkStaffLogin(f.db, PEOPLE.dept.login, PASSWORD)).not.toBeNull();
    const unknown = await f.staff('office', 'POST', '/api/supervision/staff/no.such/password', {});
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await f.db.selectFrom('staff_resets').selectAll().execute()).length).toBe(1);
  });
});

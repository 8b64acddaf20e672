import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { ServerError, type PasswordReset, type PasswordResetResult, type StaffAccount } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { listStaff, setStaffPassword, staffByLogin } from './repository.js';

/** How many resets the staff page lists. */
const RESETS_SHOWN = 50;

export async function staffAccounts(db: ServerDb): Promise<{ staff: StaffAccount[]; resets: PasswordReset[] }> {
  const staff = (await listStaff(db)).map((s) => ({
    login: s.login,
    name: s.name,
    latinName: s.latinName,
    number: s.number,
    role: s.role,
    hall: s.hall,
    hasPhoto: s.hasPhoto,
    disabled: s.disabledAt !== null,
  }));
  const names = new Map(staff.map((s) => [s.login, s.name]));
  const rows = await db.selectFrom('staff_resets').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(RESETS_SHOWN).execute();
  const resets = rows.map((r) => ({ at: r.at.toISOString(), by: r.by_login, byName: names.get(r.by_login) ?? null, login: r.login, name: names.get(r.login) ?? null }));
  return { staff, resets };
}

/**
 * An office user gives a clerk who forgot their password a new one: made here, answered once, stored
 * as a hash like any other. The reset is logged in the same transaction: who, whose, when.
 */
export async function resetClerkPassword(db: ServerDb, login: string, by: { login: string; name: string }, now: number): Promise<PasswordResetResult> {
  const target = await staffByLogin(db, login);
  if (!target || target.disabledAt) throw new ServerError('NOT_FOUND');
  if (target.role !== 'clerk') throw new ServerError('NOT_A_COUNTER_CLERK');
  const password = randomBytes(12).toString('base64url');
  const at = new Date(now);
  const done = await setStaffPassword(db, login, password, now, async (trx) => {
    await trx.insertInto('staff_resets').values({ id: ulid(now), at, by_login: by.login, login }).execute();
  });
  if (!done) throw new ServerError('NOT_FOUND');
  return { login, password, reset: { at: at.toISOString(), by: by.login, byName: by.name, login, name: target.name } };
}

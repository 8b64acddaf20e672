import { ulid } from 'ulid';
import type { NewStaff, StaffRole } from '../../core/contract/index.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { ServerDb } from '../db/connection.js';

export interface StaffRecord {
  id: string;
  login: string;
  name: string;
  number: string;
  role: StaffRole;
  disabledAt: string | null;
}

export class StaffExistsError extends Error {
  constructor(readonly field: 'login' | 'number') {
    super(`A staff account with this ${field} already exists`);
  }
}

export async function createStaff(db: ServerDb, input: NewStaff, password: string, now: number): Promise<StaffRecord> {
  const passwordHash = await hashPassword(password);
  try {
    const row = await db
      .insertInto('staff')
      .values({ id: ulid(now), ...input, password_hash: passwordHash, created_at: new Date(now) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { id: row.id, login: row.login, name: row.name, number: row.number, role: row.role, disabledAt: null };
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code === '23505') throw new StaffExistsError(/number/.test(e.constraint ?? e.message ?? '') ? 'number' : 'login');
    throw err;
  }
}

export async function listStaff(db: ServerDb): Promise<StaffRecord[]> {
  const rows = await db.selectFrom('staff').selectAll().orderBy('login').execute();
  return rows.map((r) => ({ id: r.id, login: r.login, name: r.name, number: r.number, role: r.role, disabledAt: r.disabled_at?.toISOString() ?? null }));
}

/** By login or id. Returns false when no such account exists. */
export async function disableStaff(db: ServerDb, loginOrId: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('staff')
    .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', eb.val(new Date(now))) }))
    .where((eb) => eb.or([eb('login', '=', loginOrId), eb('id', '=', loginOrId)]))
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** The account for a login and password, or null; a disabled account never signs in. */
export async function checkStaffLogin(db: ServerDb, login: string, password: string): Promise<StaffRecord | null> {
  const row = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
  if (!row) {
    // Spend the same time as a real check, so response time does not tell which logins exist.
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  const ok = await verifyPassword(password, row.password_hash);
  if (!ok || row.disabled_at) return null;
  return { id: row.id, login: row.login, name: row.name, number: row.number, role: row.role, disabledAt: null };
}

const DUMMY_HASH = 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

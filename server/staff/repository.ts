import type { Selectable, Transaction } from 'kysely';
import { ulid } from 'ulid';
import type { NewStaff, StaffCredential, StaffRole } from '../../core/contract/index.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema, StaffTable } from '../db/schema.js';
import { appendChange } from '../sync/append.js';

/** An account as the change feed keeps it; which counters may hold it is decided per terminal (staff/credentials.ts). */
export type StoredCredential = StaffCredential & { hall: string | null };

function toCredential(r: Selectable<StaffTable>): StoredCredential {
  return {
    login: r.login,
    name: r.name,
    number: r.number,
    role: r.role,
    passwordHash: r.password_hash,
    disabled: r.disabled_at !== null,
    hall: r.hall,
    latinName: r.latin_name,
    photo: r.photo ? Buffer.from(r.photo).toString('base64') : null,
  };
}

/** Every account as a 'staff' change, in the caller's transaction. */
async function appendStaffChange(trx: Transaction<ServerSchema>, row: Selectable<StaffTable>, now: number): Promise<void> {
  await appendChange(trx, { entity: 'staff', key: row.login, op: 'upsert', data: toCredential(row) }, new Date(now));
}

/** The active clerks of one hall: all a counter terminal of that hall holds (for offline sign-in). */
export async function hallClerkCredentials(db: ServerDb, hall: string): Promise<StaffCredential[]> {
  const rows = await db.selectFrom('staff').selectAll().where('role', '=', 'clerk').where('hall', '=', hall).where('disabled_at', 'is', null).orderBy('login').execute();
  return rows.map(toCredential).map(({ hall: _hall, ...c }) => c);
}

export interface StaffRecord {
  id: string;
  login: string;
  name: string;
  latinName: string | null;
  number: string;
  role: StaffRole;
  hall: string | null;
  hasPhoto: boolean;
  disabledAt: string | null;
}

const toRecord = (r: Selectable<StaffTable>): StaffRecord => ({
  id: r.id,
  login: r.login,
  name: r.name,
  latinName: r.latin_name,
  number: r.number,
  role: r.role,
  hall: r.hall,
  hasPhoto: r.photo !== null,
  disabledAt: r.disabled_at?.toISOString() ?? null,
});

export class StaffExistsError extends Error {
  constructor(readonly field: 'login' | 'number') {
    super(`A staff account with this ${field} already exists`);
  }
}

export async function createStaff(db: ServerDb, input: NewStaff, password: string, now: number): Promise<StaffRecord> {
  const passwordHash = await hashPassword(password);
  try {
    const row = await db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('staff')
        .values({ id: ulid(now), login: input.login, name: input.name, latin_name: input.latinName ?? null, number: input.number, role: input.role, hall: input.hall ?? null, password_hash: passwordHash, created_at: new Date(now) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendStaffChange(trx, created, now);
      return created;
    });
    return toRecord(row);
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code === '23505') throw new StaffExistsError(/number/.test(e.constraint ?? e.message ?? '') ? 'number' : 'login');
    throw err;
  }
}

export async function listStaff(db: ServerDb): Promise<StaffRecord[]> {
  return (await db.selectFrom('staff').selectAll().orderBy('login').execute()).map(toRecord);
}

/** Moves a clerk to another hall; the old hall's counters drop them, the new one's receive them. False when no such clerk exists. */
export async function setStaffHall(db: ServerDb, login: string, hall: string, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('staff').set({ hall }).where('login', '=', login).where('role', '=', 'clerk').returningAll().execute();
    for (const row of rows) await appendStaffChange(trx, row, now);
    return rows.length > 0;
  });
}

type StaffTrx = Transaction<ServerSchema>;

/** Changes an account's columns and tells the counters, and runs `also` in the same transaction; false when no such login exists. */
async function updateStaff(
  db: ServerDb,
  login: string,
  set: Partial<Pick<Selectable<StaffTable>, 'name' | 'latin_name' | 'photo' | 'password_hash'>>,
  now: number,
  also?: (trx: StaffTrx) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('staff').set(set).where('login', '=', login).returningAll().execute();
    for (const row of rows) await appendStaffChange(trx, row, now);
    if (rows.length > 0) await also?.(trx);
    return rows.length > 0;
  });
}

/** The display names visitors see; `latinName` null removes the Latin form. */
export const renameStaff = (db: ServerDb, login: string, name: string, latinName: string | null, now: number) => updateStaff(db, login, { name, latin_name: latinName }, now);

/** A JPEG made by preparePhoto (staff/photo.ts); null removes the photo. */
export const setStaffPhoto = (db: ServerDb, login: string, photo: Buffer | null, now: number) => updateStaff(db, login, { photo }, now);

/** A new password; counters receive the new hash, so the old one stops working there too. `also`: e.g. its log entry, with it or not at all. */
export async function setStaffPassword(db: ServerDb, login: string, password: string, now: number, also?: (trx: StaffTrx) => Promise<void>): Promise<boolean> {
  return updateStaff(db, login, { password_hash: await hashPassword(password) }, now, also);
}

export async function staffByLogin(db: ServerDb, login: string): Promise<StaffRecord | null> {
  const row = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The stored photo (JPEG), or null. */
export async function staffPhoto(db: ServerDb, login: string): Promise<Buffer | null> {
  const row = await db.selectFrom('staff').select('photo').where('login', '=', login).executeTakeFirst();
  return row?.photo ? Buffer.from(row.photo) : null;
}

/** By login or id; terminals learn of it through the change feed. Returns false when no such account exists. */
export async function disableStaff(db: ServerDb, loginOrId: string, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('staff')
      .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', eb.val(new Date(now))) }))
      .where((eb) => eb.or([eb('login', '=', loginOrId), eb('id', '=', loginOrId)]))
      .returningAll()
      .execute();
    for (const row of rows) await appendStaffChange(trx, row, now);
    return rows.length > 0;
  });
}

/** The account for a login and password, or null; a disabled account never signs in. */
export async function checkStaffLogin(db: ServerDb, login: string, password: string): Promise<StaffRecord | null> {
  const row = await db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
  if (!row) {
    // Spend the same time as a real check, so response time does not tell which logins exist.
    await verifyPassword(password, await (dummyHash ??= hashPassword('no such account')));
    return null;
  }
  const ok = await verifyPassword(password, row.password_hash);
  if (!ok || row.disabled_at) return null;
  return toRecord(row);
}

// Made by hashPassword itself, so it always costs a full scrypt (a hand-written one once did not parse).
let dummyHash: Promise<string> | undefined;

/** The department a `department` account answers for; complaints are assigned to it by this name. */
export async function setStaffUnit(db: ServerDb, login: string, unit: string | null): Promise<boolean> {
  const rows = await db.updateTable('staff').set({ unit }).where('login', '=', login).returning('id').execute();
  return rows.length > 0;
}

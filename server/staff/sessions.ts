import { createHash, randomBytes } from 'node:crypto';
import { ServerError, type StaffIdentity, type StaffRole } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { checkStaffLogin } from './repository.js';

/** A signed-in staff member, as handlers of staff routes receive it. */
export interface StaffPrincipal extends StaffIdentity {
  id: string;
  role: StaffRole;
  tokenHash: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for a login and password; LOGIN_FAILED never says which part was wrong. */
export async function login(db: ServerDb, loginName: string, password: string, now: number, ttlMs: number, timeZone: string) {
  const staff = await checkStaffLogin(db, loginName, password);
  if (!staff) throw new ServerError('LOGIN_FAILED');
  const row = await db.selectFrom('staff').select('unit').where('id', '=', staff.id).executeTakeFirstOrThrow();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + ttlMs);
  await db.insertInto('staff_sessions').values({ token_hash: hashToken(token), staff_id: staff.id, created_at: new Date(now), expires_at: expiresAt }).execute();
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    staff: { login: staff.login, name: staff.name, number: staff.number, role: staff.role, unit: row.unit },
    timeZone,
  };
}

/** The staff member behind `Authorization: Bearer …`; STAFF_UNAUTHORIZED when missing, unknown, expired, revoked or disabled. */
export async function staffFromHeader(db: ServerDb, header: string | undefined, now: number): Promise<StaffPrincipal> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw new ServerError('STAFF_UNAUTHORIZED');
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.staff_id')
    .select(['st.id', 'st.login', 'st.name', 'st.number', 'st.role', 'st.unit', 'st.disabled_at', 's.expires_at', 's.revoked_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at || row.expires_at.getTime() <= now) throw new ServerError('STAFF_UNAUTHORIZED');
  return { id: row.id, login: row.login, name: row.name, number: row.number, role: row.role, unit: row.unit, tokenHash };
}

export async function logout(db: ServerDb, principal: StaffPrincipal, now: number): Promise<void> {
  await db.updateTable('staff_sessions').set({ revoked_at: new Date(now) }).where('token_hash', '=', principal.tokenHash).execute();
}

import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays, hallDay, hallInstant } from '../../core/common/hall-time.js';
import { ServerError, type ClerkServerSession } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { checkStaffLogin, type StaffRecord } from './repository.js';

/** The clerk a counter session vouches for, as queue and appointment handlers receive it. */
export interface ClerkPrincipal {
  login: string;
  name: string;
  number: string;
  hall: string;
  counterNo: number;
  tokenHash: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const OVERRIDING_ROLES = ['supervisor', 'admin'];

/**
 * A clerk's password checked at a counter of `hall`: LOGIN_FAILED for a wrong password or an unknown
 * login (both cost a full hash), NOT_A_COUNTER_CLERK for any account but a clerk of this hall.
 */
export async function counterClerk(db: ServerDb, hall: string, login: string, password: string): Promise<StaffRecord> {
  const staff = await checkStaffLogin(db, login, password);
  if (!staff) throw new ServerError('LOGIN_FAILED');
  if (staff.role !== 'clerk' || staff.hall !== hall) throw new ServerError('NOT_A_COUNTER_CLERK');
  return staff;
}

/** The supervisor (or admin) whose password lets a clerk take a counter in use; one refusal for every reason. */
export async function overridingSupervisor(db: ServerDb, login: string, password: string): Promise<string> {
  const staff = await checkStaffLogin(db, login, password);
  if (!staff || !OVERRIDING_ROLES.includes(staff.role)) throw new ServerError('SUPERVISOR_REQUIRED');
  return staff.login;
}

/** A new counter session for the clerk at this terminal's counter; it ends with the hall's day. */
export async function issueCounterSession(
  trx: Transaction<ServerSchema>,
  staff: StaffRecord,
  at: { hall: string; terminalId: string; counterNo: number },
  now: Date,
  timeZone: string,
): Promise<ClerkServerSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(hallInstant(addDays(hallDay(now, timeZone), 1), '00:00', timeZone));
  await trx
    .insertInto('counter_sessions')
    .values({ token_hash: hashToken(token), staff_id: staff.id, hall: at.hall, terminal_id: at.terminalId, counter_no: at.counterNo, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt: expiresAt.toISOString(), clerk: { login: staff.login, name: staff.name, number: staff.number } };
}

/**
 * The clerk behind a counter session header, or null without one. CLERK_SESSION_REQUIRED when it is
 * unknown, expired, revoked, another terminal's, or its clerk was disabled or moved to another hall.
 */
export async function clerkFromSession(db: ServerDb, token: string | undefined, terminal: { id: string; hall: string }, now: number): Promise<ClerkPrincipal | null> {
  if (token === undefined) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('counter_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.staff_id')
    .select(['st.login', 'st.name', 'st.number', 'st.role', 'st.hall as staff_hall', 'st.disabled_at', 's.hall', 's.terminal_id', 's.counter_no', 's.expires_at', 's.revoked_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  const valid = row && !row.revoked_at && !row.disabled_at && row.expires_at.getTime() > now && row.terminal_id === terminal.id && row.role === 'clerk' && row.staff_hall === row.hall && row.hall === terminal.hall;
  if (!valid) throw new ServerError('CLERK_SESSION_REQUIRED');
  return { login: row.login, name: row.name, number: row.number, hall: row.hall, counterNo: row.counter_no, tokenHash };
}

export async function revokeCounterSession(trx: Transaction<ServerSchema>, tokenHash: string, now: Date): Promise<void> {
  await trx.updateTable('counter_sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
}

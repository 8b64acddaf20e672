import { timingSafeEqual } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { ulid } from 'ulid';
import { ServerError, type EnrollRequest, type EnrollResponse, type HeartbeatRequest, type NewTerminal, type TerminalRecord } from '../../core/contract/index.js';
import { hashEnrollCode, newEnrollCode } from '../auth/enroll-code.js';
import type { ServerDb } from '../db/connection.js';
import type { TerminalsTable } from '../db/schema.js';

export type TerminalRow = Selectable<TerminalsTable>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toRecord(t: TerminalRow): TerminalRecord {
  return {
    id: t.id,
    name: t.name,
    hall: t.hall,
    roles: t.roles,
    deviceId: t.device_id,
    enrolledAt: iso(t.enrolled_at),
    disabledAt: iso(t.disabled_at),
    lastSeenAt: iso(t.last_seen_at),
    version: t.reported_version,
    outboxPending: t.reported_backlog,
    clockOffsetMs: t.reported_clock_offset_ms === null ? null : Number(t.reported_clock_offset_ms),
    deadLetters: t.reported_dead_letters,
    lastSyncAt: iso(t.reported_last_sync_at),
    ticketPrefix: t.ticket_prefix,
  };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** Registers a terminal; the returned code is shown once and stored only as a hash. */
export async function createTerminal(db: ServerDb, input: NewTerminal, now: number, ttlMs: number): Promise<{ terminal: TerminalRecord; code: string }> {
  const code = newEnrollCode();
  const row = await db
    .insertInto('terminals')
    .values({
      id: ulid(now),
      name: input.name,
      hall: input.hall,
      roles: [...new Set(input.roles)],
      enroll_code_hash: hashEnrollCode(code),
      enroll_code_expires_at: new Date(now + ttlMs),
      created_at: new Date(now),
      ticket_prefix: sql<string>`'T' || nextval('terminal_prefix_seq')`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { terminal: toRecord(row), code };
}

/**
 * A new one-time code for an existing terminal (a replaced or reinstalled PC). Its old key stops
 * working at once; the terminal must enroll again.
 */
export async function reissueEnrollCode(db: ServerDb, id: string, now: number, ttlMs: number): Promise<string | null> {
  const code = newEnrollCode();
  const res = await db
    .updateTable('terminals')
    .set({ enroll_code_hash: hashEnrollCode(code), enroll_code_expires_at: new Date(now + ttlMs), public_key: null, enrolled_at: null })
    .where('id', '=', id)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n ? code : null;
}

export async function listTerminals(db: ServerDb): Promise<TerminalRecord[]> {
  const rows = await db.selectFrom('terminals').selectAll().orderBy('hall').orderBy('name').orderBy('id').execute();
  return rows.map(toRecord);
}

export async function findTerminal(db: ServerDb, id: string): Promise<TerminalRow | undefined> {
  return db.selectFrom('terminals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes effect on the terminal's next request. Returns false for an unknown id. */
export async function disableTerminal(db: ServerDb, id: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('terminals')
    .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', eb.val(new Date(now))) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function touchLastSeen(db: ServerDb, id: string, now: number): Promise<TerminalRow> {
  return db.updateTable('terminals').set({ last_seen_at: new Date(now) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function recordHeartbeat(db: ServerDb, id: string, hb: HeartbeatRequest, now: number): Promise<void> {
  await db
    .updateTable('terminals')
    .set({
      last_seen_at: new Date(now),
      reported_version: hb.version,
      reported_backlog: hb.outboxPending,
      reported_clock_offset_ms: hb.clockOffsetMs,
      reported_dead_letters: hb.deadLetters,
      reported_last_sync_at: hb.lastSyncAt ? new Date(hb.lastSyncAt) : null,
      // A head once reported stays when none is reported (an older terminal, or one whose outbox was purged).
      ...(hb.ratingChainHead ? { rating_head_seq: hb.ratingChainHead.seq, rating_head_hash: hb.ratingChainHead.hash } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Every code ever issued is compared, in constant time per comparison, without stopping at a match. */
async function terminalForCode(db: ServerDb, code: string): Promise<TerminalRow | undefined> {
  const wanted = Buffer.from(hashEnrollCode(code), 'hex');
  const candidates = await db.selectFrom('terminals').selectAll().where('enroll_code_hash', 'is not', null).execute();
  let found: TerminalRow | undefined;
  for (const t of candidates) {
    if (timingSafeEqual(Buffer.from(t.enroll_code_hash!, 'hex'), wanted)) found = t;
  }
  return found;
}

export async function enrollTerminal(db: ServerDb, req: EnrollRequest, now: number): Promise<EnrollResponse> {
  const t = await terminalForCode(db, req.code);
  if (!t) throw new ServerError('ENROLL_CODE_INVALID');
  if (t.disabled_at) throw new ServerError('TERMINAL_DISABLED');
  if (t.enrolled_at) throw new ServerError('ENROLL_CODE_USED');
  if (!t.enroll_code_expires_at || t.enroll_code_expires_at.getTime() <= now) throw new ServerError('ENROLL_CODE_EXPIRED');
  const raw = Buffer.from(req.publicKey, 'base64url');
  if (raw.length !== 32) throw new ServerError('VALIDATION_FAILED', [{ path: 'publicKey', message: 'not a 32-byte Ed25519 key' }]);
  const publicKey = raw.toString('base64url');
  try {
    // The WHERE makes the code single-use even when two terminals race with it.
    const res = await db
      .updateTable('terminals')
      .set({ public_key: publicKey, device_id: req.deviceId, enrolled_at: new Date(now), last_seen_at: new Date(now) })
      .where('id', '=', t.id)
      .where('enrolled_at', 'is', null)
      .where('enroll_code_hash', '=', t.enroll_code_hash)
      .executeTakeFirst();
    if (res.numUpdatedRows !== 1n) throw new ServerError('ENROLL_CODE_USED');
  } catch (err) {
    if (isUniqueViolation(err)) throw new ServerError('KEY_ALREADY_ENROLLED');
    throw err;
  }
  return { terminalId: t.id, name: t.name, hall: t.hall, roles: t.roles, ticketPrefix: t.ticket_prefix ?? undefined, serverTime: now };
}

import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { ScreenRole } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** A pairing code is good for this long after `npm run terminal:pair` printed it. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** 10 symbols of 32 (no 0/O, 1/I): 50 bits, used once, within ten minutes. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export interface Pairing {
  id: string;
  name: string;
  roles: ScreenRole[];
  state: 'waiting' | 'expired' | 'paired' | 'revoked';
  createdAt: string;
  pairedAt: string | null;
}

interface Row {
  id: string;
  name: string;
  roles: string;
  code_expires_at: string | null;
  token_hash: string | null;
  created_at: string;
  paired_at: string | null;
  revoked_at: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** As printed (ABCDE-FGHJK) or typed in lower case with spaces: the same code. */
const normalCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** A new screen waiting to be paired; the code is shown once and stored only as its hash. */
export function startPairing(db: Db, roles: readonly ScreenRole[], name: string, now: Date): { id: string; code: string; expiresAt: string } {
  const parsed = roles.map((r) => ScreenRole.parse(r));
  if (parsed.length === 0) throw new Error('A screen needs at least one role');
  const raw = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const id = ulid(now.getTime());
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  db.prepare('INSERT INTO screen_pairing (id, name, roles, code_hash, code_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    name,
    JSON.stringify([...new Set(parsed)]),
    sha256(raw),
    expiresAt,
    now.toISOString(),
  );
  return { id, code: `${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt };
}

/** Trades a waiting code for the screen's token, once; null for a wrong, used, expired or revoked code. */
export function completePairing(db: Db, code: string, now: Date): { token: string; name: string; roles: ScreenRole[] } | null {
  const token = randomBytes(32).toString('base64url');
  const row = db
    .prepare(
      `UPDATE screen_pairing SET code_hash = NULL, code_expires_at = NULL, token_hash = ?, paired_at = ?
       WHERE code_hash = ? AND code_expires_at > ? AND revoked_at IS NULL RETURNING name, roles`,
    )
    .get(sha256(token), now.toISOString(), sha256(normalCode(code)), now.toISOString()) as { name: string; roles: string } | undefined;
  return row ? { token, name: row.name, roles: JSON.parse(row.roles) as ScreenRole[] } : null;
}

/** The roles of a paired screen's token; null for an unknown or revoked one. */
export function screenRoles(db: Db, token: string): ScreenRole[] | null {
  const row = db.prepare('SELECT roles FROM screen_pairing WHERE token_hash = ? AND revoked_at IS NULL').get(sha256(token)) as { roles: string } | undefined;
  return row ? (JSON.parse(row.roles) as ScreenRole[]) : null;
}

export function listPairings(db: Db, now: Date): Pairing[] {
  const rows = db.prepare('SELECT * FROM screen_pairing ORDER BY id').all() as Row[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    roles: JSON.parse(r.roles) as ScreenRole[],
    state: r.revoked_at ? 'revoked' : r.token_hash ? 'paired' : r.code_expires_at && r.code_expires_at > now.toISOString() ? 'waiting' : 'expired',
    createdAt: r.created_at,
    pairedAt: r.paired_at,
  }));
}

/** The screen's token (or waiting code) stops working at once; false when no such screen is paired. */
export function revokePairing(db: Db, id: string, now: Date): boolean {
  return db.prepare('UPDATE screen_pairing SET revoked_at = ?, code_hash = NULL WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes === 1;
}

import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PresenceState } from '../contract/index.js';
import type { Db } from '../db/connection.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CounterSessionRow {
  login: string;
  counterNo: number;
  presence: PresenceState;
}

/** A clerk's sign-in at this counter; only the token's hash is stored. */
export function openSession(db: Db, login: string, counterNo: number, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  db.prepare('INSERT INTO counter_session (token_hash, login, counter_no, presence, created_at) VALUES (?, ?, ?, ?, ?)').run(hash(token), login, counterNo, 'in', now.toISOString());
  return token;
}

export function findSession(db: Db, token: string): CounterSessionRow | null {
  const r = db.prepare('SELECT login, counter_no, presence FROM counter_session WHERE token_hash = ?').get(hash(token)) as
    | { login: string; counter_no: number; presence: PresenceState }
    | undefined;
  return r ? { login: r.login, counterNo: r.counter_no, presence: r.presence } : null;
}

export function setSessionPresence(db: Db, token: string, presence: PresenceState): void {
  db.prepare('UPDATE counter_session SET presence = ? WHERE token_hash = ?').run(presence, hash(token));
}

export function closeSession(db: Db, token: string): void {
  db.prepare('DELETE FROM counter_session WHERE token_hash = ?').run(hash(token));
}

/** Checks a password against the central server's `scrypt$N$r$p$salt$hash` string, offline. */
export function verifyStaffPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, expected] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !expected) return Promise.resolve(false);
  const o = { N: Number(n), r: Number(r), p: Number(p) };
  const want = Buffer.from(expected, 'base64');
  return new Promise((resolve) =>
    scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), want.length, { ...o, maxmem: 128 * o.N * o.r * 2 }, (err, key) =>
      resolve(!err && key.length === want.length && timingSafeEqual(key, want)),
    ),
  );
}

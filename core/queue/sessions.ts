import { createHash, randomBytes, scrypt } from 'node:crypto';
import { checkPassword, type Scrypt } from '../common/password.js';
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

/** Signing out at a counter ends every sign-in of that login there (a reloaded screen may have left one). */
export function closeSession(db: Db, token: string): void {
  const s = findSession(db, token);
  if (s) db.prepare('DELETE FROM counter_session WHERE login = ? AND counter_no = ?').run(s.login, s.counterNo);
}

/** The sign-ins this terminal holds: one login at one counter, and whoever holds a counter. */
export function sessionsHere(db: Db): { login: string; counterNo: number }[] {
  return (db.prepare('SELECT DISTINCT login, counter_no FROM counter_session').all() as { login: string; counter_no: number }[]).map((r) => ({ login: r.login, counterNo: r.counter_no }));
}

/** A supervisor took the counter over: the clerk who held it here is signed out. */
export function closeCounterSessions(db: Db, counterNo: number): void {
  db.prepare('DELETE FROM counter_session WHERE counter_no = ?').run(counterNo);
}

const nodeScrypt: Scrypt = (password, salt, keyLength, options) =>
  new Promise((resolve, reject) => scrypt(password, Buffer.from(salt, 'base64'), keyLength, options, (err, key) => (err ? reject(err) : resolve(key.toString('base64')))));

/** Checks a password against the last staff record the central server sent, offline. */
export const verifyStaffPassword = (password: string, stored: string): Promise<boolean> => checkPassword(password, stored, nodeScrypt);

import { createHash, randomBytes, scrypt } from 'node:crypto';
import { checkPassword, derivePassword, formatPasswordHash, PASSWORD_KEY_LENGTH, PASSWORD_PARAMS, type Scrypt } from '../common/password.js';
import type { PresenceState } from '../contract/index.js';
import type { Db } from '../db/connection.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CounterSessionRow {
  login: string;
  counterNo: number;
  presence: PresenceState;
  /** The token's hash: the session's name here. */
  tokenHash: string;
  /** The counter session the central server issued, sent with the clerk's requests; null when signed in offline. */
  serverToken: string | null;
}

/** When a counter session ends: with the hall's day it was opened on, or after this long without a request. */
export interface SessionExpiry {
  today: string;
  now: Date;
  idleMs: number;
}

/** A clerk's sign-in at this counter on the hall's `day`; only the token's hash is stored. */
export function openSession(db: Db, login: string, counterNo: number, now: Date, day: string, serverToken: string | null): string {
  const token = randomBytes(32).toString('base64url');
  db.prepare('INSERT INTO counter_session (token_hash, login, counter_no, presence, created_at, day, last_seen_at, server_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    hash(token),
    login,
    counterNo,
    'in',
    now.toISOString(),
    day,
    now.toISOString(),
    serverToken,
  );
  return token;
}

/** The session of a token while it holds, and its idle time starts again; an expired one is ended (null). */
export function findSession(db: Db, token: string, expiry: SessionExpiry): CounterSessionRow | null {
  const tokenHash = hash(token);
  const r = db.prepare('SELECT login, counter_no, presence, day, last_seen_at, server_token FROM counter_session WHERE token_hash = ?').get(tokenHash) as
    | { login: string; counter_no: number; presence: PresenceState; day: string; last_seen_at: string; server_token: string | null }
    | undefined;
  if (!r) return null;
  if (r.day !== expiry.today || expiry.now.getTime() - Date.parse(r.last_seen_at) > expiry.idleMs) {
    db.prepare('DELETE FROM counter_session WHERE token_hash = ?').run(tokenHash);
    return null;
  }
  db.prepare('UPDATE counter_session SET last_seen_at = ? WHERE token_hash = ?').run(expiry.now.toISOString(), tokenHash);
  return { login: r.login, counterNo: r.counter_no, presence: r.presence, tokenHash, serverToken: r.server_token };
}

export function setSessionPresence(db: Db, s: CounterSessionRow, presence: PresenceState): void {
  db.prepare('UPDATE counter_session SET presence = ? WHERE token_hash = ?').run(presence, s.tokenHash);
}

/** Signing out at a counter ends every sign-in of that login there (a reloaded screen may have left one). */
export function closeSession(db: Db, s: CounterSessionRow): void {
  db.prepare('DELETE FROM counter_session WHERE login = ? AND counter_no = ?').run(s.login, s.counterNo);
}

/** The sign-ins this terminal holds: one login at one counter, and whoever holds a counter. */
export function sessionsHere(db: Db, expiry: SessionExpiry): { login: string; counterNo: number }[] {
  const since = new Date(expiry.now.getTime() - expiry.idleMs).toISOString();
  const rows = db.prepare('SELECT DISTINCT login, counter_no FROM counter_session WHERE day = ? AND last_seen_at >= ?').all(expiry.today, since) as { login: string; counter_no: number }[];
  return rows.map((r) => ({ login: r.login, counterNo: r.counter_no }));
}

/** The newest sign-in this terminal holds that has not ended: who is at this counter PC now. */
export function latestSessionHere(db: Db, expiry: SessionExpiry): { login: string; counterNo: number; presence: PresenceState } | null {
  const since = new Date(expiry.now.getTime() - expiry.idleMs).toISOString();
  const r = db.prepare('SELECT login, counter_no, presence FROM counter_session WHERE day = ? AND last_seen_at >= ? ORDER BY created_at DESC LIMIT 1').get(expiry.today, since) as
    | { login: string; counter_no: number; presence: PresenceState }
    | undefined;
  return r ? { login: r.login, counterNo: r.counter_no, presence: r.presence } : null;
}

/** A supervisor took the counter over: the clerk who held it here is signed out. */
export function closeCounterSessions(db: Db, counterNo: number): void {
  db.prepare('DELETE FROM counter_session WHERE counter_no = ?').run(counterNo);
}

const nodeScrypt: Scrypt = (password, salt, keyLength, options) =>
  new Promise((resolve, reject) => scrypt(password, Buffer.from(salt, 'base64'), keyLength, options, (err, key) => (err ? reject(err) : resolve(key.toString('base64')))));

/** Checks a password against the last staff record the central server sent, offline. */
export const verifyStaffPassword = (password: string, stored: string): Promise<boolean> => checkPassword(password, stored, nodeScrypt);

// Made by hashing, with the server's parameters, so checking against it costs what a real check costs.
let dummyHash: Promise<string> | undefined;

/** What an unknown login's password is checked against, so that timing does not tell which logins exist. */
export function unknownLoginHash(): Promise<string> {
  const salt = randomBytes(16).toString('base64');
  dummyHash ??= derivePassword(randomBytes(16).toString('hex'), salt, PASSWORD_PARAMS, PASSWORD_KEY_LENGTH, nodeScrypt).then((key) => formatPasswordHash(PASSWORD_PARAMS, salt, key));
  return dummyHash;
}

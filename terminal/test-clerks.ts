import { randomBytes, scryptSync } from 'node:crypto';
import type { Db } from '../core/db/connection.js';
import { putStaff } from '../core/queue/reference.js';

export const TEST_PASSWORD = 'correct horse battery';

/** A clerk as the central server would have synced them down, with a cheap scrypt hash of TEST_PASSWORD. */
export function putClerk(db: Db, login: string, name: string, number: string): void {
  const salt = randomBytes(16);
  const key = scryptSync(TEST_PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 });
  const passwordHash = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
  putStaff(db, { login, name, number, role: 'clerk', passwordHash, disabled: false });
}

import { randomBytes, scryptSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StaffCredential } from '../core/contract/index.js';
import type { Db } from '../core/db/connection.js';
import { putStaff } from '../core/queue/reference.js';

/** The password every test clerk signs in with. */
export const TEST_PASSWORD = 'correct horse battery';

/** A scrypt hash of a password with cheap parameters, in the server's format. */
export function testPasswordHash(password = TEST_PASSWORD): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Staff accounts as the central server would have synced them down, all with TEST_PASSWORD. */
export function putTestStaff(db: Db, staff: readonly (readonly [login: string, name: string, number: string, role?: StaffCredential['role']])[]): void {
  const passwordHash = testPasswordHash();
  for (const [login, name, number, role = 'clerk'] of staff) putStaff(db, { login, name, number, role, passwordHash, disabled: false });
}

/** A request to the service in-process, as a screen of this PC sends it (in English unless told). */
export function injector(app: FastifyInstance, lang?: string) {
  return async (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        host: '127.0.0.1',
        ...(lang ? { 'accept-language': lang } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      payload: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.statusCode, json: res.json() };
  };
}

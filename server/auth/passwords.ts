import { randomBytes, scrypt } from 'node:crypto';
import { checkPassword, derivePassword, formatPasswordHash, PASSWORD_KEY_LENGTH, PASSWORD_PARAMS, type Scrypt } from '../../core/common/password.js';

const nodeScrypt: Scrypt = (password, salt, keyLength, options) =>
  new Promise((resolve, reject) => scrypt(password, Buffer.from(salt, 'base64'), keyLength, options, (err, key) => (err ? reject(err) : resolve(key.toString('base64')))));

/** The parameters travel with the hash (core/common/password.ts), so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16).toString('base64');
  return formatPasswordHash(PASSWORD_PARAMS, salt, await derivePassword(password, salt, PASSWORD_PARAMS, PASSWORD_KEY_LENGTH, nodeScrypt));
}

export const verifyPassword = (password: string, stored: string): Promise<boolean> => checkPassword(password, stored, nodeScrypt);

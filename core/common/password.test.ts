import { execFileSync } from 'node:child_process';
import { scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPassword, formatPasswordHash, parsePasswordHash, type Scrypt } from './password.js';

const nodeScrypt: Scrypt = (password, salt, keyLength, options) =>
  new Promise((resolve, reject) => scrypt(password, Buffer.from(salt, 'base64'), keyLength, options, (err, key) => (err ? reject(err) : resolve(key.toString('base64')))));

const SALT_HEX = '00112233445566778899aabbccddeeff';
const salt = Buffer.from(SALT_HEX, 'hex').toString('base64');

/** The same key from OpenSSL 3's own scrypt, an implementation that shares no code with ours or Node's binding. */
function opensslKey(password: string): string {
  const out = execFileSync('openssl', ['kdf', '-keylen', '32', '-kdfopt', `pass:${password}`, '-kdfopt', `hexsalt:${SALT_HEX}`, '-kdfopt', 'n:1024', '-kdfopt', 'r:8', '-kdfopt', 'p:1', 'SCRYPT'], { encoding: 'utf8' });
  return Buffer.from(out.trim().replace(/:/g, ''), 'hex').toString('base64');
}

describe('staff password check', () => {
  it('accepts the right password for a hash made by another scrypt, and refuses a wrong one', async () => {
    const stored = formatPasswordHash({ N: 1024, r: 8, p: 1 }, salt, opensslKey('correct horse'));
    expect(await checkPassword('correct horse', stored, nodeScrypt)).toBe(true);
    expect(await checkPassword('correct hors', stored, nodeScrypt)).toBe(false);
  });

  it('reads the password in one Unicode form, so the same word typed two ways matches', async () => {
    const stored = formatPasswordHash({ N: 1024, r: 8, p: 1 }, salt, opensslKey('Zürich'));
    expect(await checkPassword('Zu\u0308rich', stored, nodeScrypt)).toBe(true);
  });

  it('refuses, without deriving anything, strings that are not a sane scrypt hash', async () => {
    let derived = 0;
    const counting: Scrypt = (...args) => {
      derived++;
      return nodeScrypt(...args);
    };
    const key = opensslKey('x');
    for (const bad of ['md5$abc', `scrypt$1000$8$1$${salt}$${key}`, `scrypt$${2 ** 24}$8$1$${salt}$${key}`, `scrypt$1024$0$1$${salt}$${key}`, `scrypt$1024$8$1$not*base64$${key}`, `scrypt$1024$8$1$${salt}`, `scrypt$1024$8$1$${salt}$${key}$extra`]) {
      expect(parsePasswordHash(bad), bad).toBeNull();
      expect(await checkPassword('x', bad, counting)).toBe(false);
    }
    expect(derived).toBe(0);
  });
});

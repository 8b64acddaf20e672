/**
 * Staff passwords: `scrypt$N$r$p$salt$hash` (salt and hash in base64). The central server makes and
 * checks them, a counter terminal checks the last one it received, offline. The key derivation
 * itself is the platform's (Node's scrypt runs off the main thread), handed in as `Scrypt`.
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Derives `keyLength` bytes from the password and the base64 salt; answers them in base64. */
export type Scrypt = (password: string, saltBase64: string, keyLength: number, params: ScryptParams & { maxmem: number }) => Promise<string>;

/** N = 2^15, r = 8: 32 MiB and roughly a tenth of a second per guess. */
export const PASSWORD_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
export const PASSWORD_KEY_LENGTH = 32;

/** A stored string that would cost more than this is not one of ours, and is refused before deriving. */
const LIMITS = { N: 2 ** 20, r: 32, p: 16, keyLength: 128 };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface StoredPassword {
  params: ScryptParams;
  salt: string;
  key: string;
  keyLength: number;
}

export function formatPasswordHash(params: ScryptParams, saltBase64: string, keyBase64: string): string {
  return ['scrypt', params.N, params.r, params.p, saltBase64, keyBase64].join('$');
}

const whole = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;

/** The parts of a stored hash, or null for anything that is not a sane scrypt string. */
export function parsePasswordHash(stored: string): StoredPassword | null {
  const [alg, n, r, p, salt, key, ...rest] = stored.split('$');
  if (alg !== 'scrypt' || rest.length > 0 || !salt || !key || !BASE64.test(salt) || !BASE64.test(key)) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = whole(params.N, LIMITS.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || !whole(params.r, LIMITS.r) || !whole(params.p, LIMITS.p)) return null;
  const keyLength = (key.length / 4) * 3 - (key.endsWith('==') ? 2 : key.endsWith('=') ? 1 : 0);
  return whole(keyLength, LIMITS.keyLength) ? { params, salt, key, keyLength } : null;
}

/** The memory scrypt needs for these parameters, with room to spare (Node refuses less). */
const maxmem = (o: ScryptParams) => 128 * o.N * o.r * 2 + 1024 * o.p * o.r;

export function derivePassword(password: string, saltBase64: string, params: ScryptParams, keyLength: number, scrypt: Scrypt): Promise<string> {
  return scrypt(password.normalize('NFC'), saltBase64, keyLength, { ...params, maxmem: maxmem(params) });
}

/** Compares every character whatever the first difference, so the time taken tells nothing. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** True when the password matches; false for a wrong one and for a stored string that is not ours. */
export async function checkPassword(password: string, stored: string, scrypt: Scrypt): Promise<boolean> {
  const s = parsePasswordHash(stored);
  if (!s) return false;
  return same(await derivePassword(password, s.salt, s.params, s.keyLength, scrypt), s.key);
}

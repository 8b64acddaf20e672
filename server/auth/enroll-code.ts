import { createHash, randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code read aloud or off paper is typed right.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code: 10 characters (50 bits) shown as two groups, e.g. `7KQ2M-X9D4T`. */
export function newEnrollCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and dashes do not matter; O is read as 0 and I or L as 1. */
export function normalizeEnrollCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Codes are stored only as this hash. */
export function hashEnrollCode(code: string): string {
  return createHash('sha256').update(normalizeEnrollCode(code)).digest('hex');
}

import { RATING_CODE_ALPHABET, RATING_CODE_LENGTH, RatingCode } from '../contract/queue.js';

/**
 * The rating code and the ticket slip's QR, the same on the kiosk, its screens and the central server.
 * `random` fills bytes from a CSPRNG (Web Crypto by default, in Node and in browsers alike).
 */
export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
// Web Crypto, typed here: core/common is built without the DOM's or Node's declarations.
const webCrypto: RandomFill = (bytes) => (globalThis as unknown as { crypto: { getRandomValues(b: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);

/** A fresh code: each character uniform over the alphabet (bytes past the last whole multiple are drawn again). */
export function newRatingCode(random: RandomFill = webCrypto): string {
  const n = RATING_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = '';
  while (code.length < RATING_CODE_LENGTH) {
    for (const b of random(new Uint8Array(RATING_CODE_LENGTH * 2))) {
      if (b < limit && code.length < RATING_CODE_LENGTH) code += RATING_CODE_ALPHABET[b % n];
    }
  }
  return code;
}

/** A code as typed: upper case, spaces and dashes dropped, at most the code's length. */
export const ratingCodeChars = (input: string): string =>
  input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, RATING_CODE_LENGTH);

export const isRatingCode = (s: string): boolean => RatingCode.safeParse(s).success;

/** Compares without stopping at the first difference, so the time taken tells nothing of how much was right. */
export function sameRatingCode(given: string, held: string): boolean {
  let diff = given.length ^ held.length;
  for (let i = 0; i < held.length; i++) diff |= (given.charCodeAt(i) || 0) ^ held.charCodeAt(i);
  return diff === 0;
}

/**
 * Failed proofs of holding a ticket one kiosk may make, counted by the kiosk and again by the server:
 * five in ten minutes, then none for ten minutes, whoever stands at it.
 */
export const RATING_TRY_RULE = { max: 5, windowMs: 10 * 60_000, lockMs: 10 * 60_000 } as const;

export const TICKET_QR_PREFIX = 'HALL-TICKET:';

/**
 * The slip's QR: number, ticket id and rating code. The id alone proves nothing (every counter and
 * hall TV holds ticket ids), so the code rides along: scanning the slip is the same proof as typing it.
 */
export const ticketQrText = (t: { number: string; id: string }, code: string): string => `${TICKET_QR_PREFIX}${t.number}:${t.id}:${code}`;

export interface ScannedTicket {
  number: string;
  id: string;
  /** null: a slip printed before slips carried the code. */
  code: string | null;
}

export function parseTicketQr(scanned: string): ScannedTicket | null {
  const m = /^HALL-TICKET:([0-9A-Z-]{2,16}):([0-9A-HJKMNP-TV-Z]{26})(?::([0-9A-Z]{1,16}))?$/i.exec(scanned.trim());
  if (!m) return null;
  return { number: m[1]!.toUpperCase(), id: m[2]!.toUpperCase(), code: m[3] ? m[3].toUpperCase() : null };
}

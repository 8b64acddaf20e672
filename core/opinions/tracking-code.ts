import { randomInt } from 'node:crypto';
import { TrackingCode } from '../contract/opinions.js';

export const TRACKING_QR_PREFIX = 'HALL-OPINION:';
export const trackingQr = (code: string) => `${TRACKING_QR_PREFIX}${code}`;

/** The characters of a tracking code: digits and capitals without look-alikes (no 0/O, 1/I/L). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random code like "K7PM-3XQ9"; `pick(n)` returns an integer in [0, n). */
export function newTrackingCode(pick: (n: number) => number = randomInt): string {
  const part = () => Array.from({ length: 4 }, () => TRACKING_ALPHABET[pick(TRACKING_ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}

/**
 * What a visitor typed or scanned, as a code if it can be one (else null): case, spaces and the
 * dash do not matter, and the slip's QR text ("HALL-OPINION:K7PM-3XQ9") is accepted too.
 */
export function normalizeTrackingCode(input: string): string | null {
  const raw = input.trim().toUpperCase().replace(TRACKING_QR_PREFIX, '').replace(/[\s-]/g, '');
  if (raw.length !== 8) return null;
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  return TrackingCode.safeParse(code).success ? code : null;
}


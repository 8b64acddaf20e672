import { randomInt } from 'node:crypto';
import { formatTrackingChars, TRACKING_ALPHABET, TRACKING_CHARS } from '../common/tracking-code.js';

export { normalizeTrackingCode, TRACKING_ALPHABET, TRACKING_QR_PREFIX, trackingQr } from '../common/tracking-code.js';

/** A random code like "K7PM3-XQ9AB-CDEFG"; `pick(n)` returns an integer in [0, n). */
export function newTrackingCode(pick: (n: number) => number = randomInt): string {
  return formatTrackingChars(Array.from({ length: TRACKING_CHARS }, () => TRACKING_ALPHABET[pick(TRACKING_ALPHABET.length)]).join(''));
}

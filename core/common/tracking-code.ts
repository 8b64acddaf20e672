import { TrackingCode } from '../contract/opinions.js';

/**
 * Tracking codes of the opinion box, as the kiosk screens, the terminal and the central server read
 * them. A code is 15 characters in three groups of five ("K7PM3-XQ9AB-CDEFG": 31^15, about 74 bits,
 * so guessing one is hopeless); codes handed out before are 4 + 4 ("K7PM-3XQ9") and keep working.
 */
export const TRACKING_QR_PREFIX = 'HALL-OPINION:';
export const trackingQr = (code: string) => `${TRACKING_QR_PREFIX}${code}`;

/** The characters of a tracking code: digits and capitals without look-alikes (no 0/O, 1/I/L). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_GROUP = 5;
export const TRACKING_GROUPS = 3;
export const TRACKING_CHARS = TRACKING_GROUP * TRACKING_GROUPS;
const OLD_CHARS = 8;

/** What was typed as a code's characters: upper case, separators and spaces dropped, at most a code's length. */
export function trackingChars(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, TRACKING_CHARS);
}

/** "K7PM3XQ9AB" → "K7PM3-XQ9AB" as the visitor types it: a dash after every five. */
export function formatTrackingChars(chars: string): string {
  return (chars.match(new RegExp(`.{1,${TRACKING_GROUP}}`, 'g')) ?? []).join('-');
}

/**
 * What a visitor typed or scanned, as a code if it can be one (else null): case, spaces and dashes
 * do not matter, and the slip's QR text ("HALL-OPINION:K7PM3-XQ9AB-CDEFG") is accepted too.
 */
export function normalizeTrackingCode(input: string): string | null {
  const upper = input.trim().toUpperCase();
  const raw = (upper.startsWith(TRACKING_QR_PREFIX) ? upper.slice(TRACKING_QR_PREFIX.length) : upper).replace(/[\s-]/g, '');
  if (!new RegExp(`^[${TRACKING_ALPHABET}]+$`).test(raw)) return null;
  const code = raw.length === TRACKING_CHARS ? formatTrackingChars(raw) : raw.length === OLD_CHARS ? `${raw.slice(0, 4)}-${raw.slice(4)}` : null;
  return code && TrackingCode.safeParse(code).success ? code : null;
}

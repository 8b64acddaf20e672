import { formatTrackingChars, normalizeTrackingCode, TRACKING_CHARS, TRACKING_QR_PREFIX, trackingChars } from '../../../core/common/tracking-code.js';
import { Phone } from '../../../core/contract/queue.js';

export { TRACKING_QR_PREFIX } from '../../../core/common/tracking-code.js';
export const TICKET_QR_PREFIX = 'HALL-TICKET:';

export const CODE_CHARS = TRACKING_CHARS;
export const PHONE_MAX = 12;
export const TEXT_MIN = 5;
export const TEXT_MAX = 2000;

/** The characters typed for a tracking code (core/common/tracking-code.ts): separators dropped, upper case, at most a code's length. */
export const codeChars = trackingChars;

/** "K7PM3XQ9AB" → "K7PM3-XQ9AB" as the visitor types it (a dash after every five). */
export const formatCode = formatTrackingChars;

/** A whole code, of three groups or of the older 4 + 4. */
export function isTrackingCode(chars: string): boolean {
  return normalizeTrackingCode(chars) !== null;
}

/** A scanned slip QR as the code's characters, or null for anything else. */
export function codeFromScan(scanned: string): string | null {
  const s = scanned.trim().toUpperCase();
  if (!s.startsWith(TRACKING_QR_PREFIX)) return null;
  const chars = codeChars(s.slice(TRACKING_QR_PREFIX.length));
  return isTrackingCode(chars) ? chars : null;
}

/** A ticket number as typed: upper case, letters, digits and dashes only (K-A001, A012). */
export function ticketChars(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z-]/g, '').slice(0, 16);
}

/** A scanned ticket slip QR ("HALL-TICKET:A012:<id>") as its number, or null. */
export function ticketFromScan(scanned: string): string | null {
  const m = /^HALL-TICKET:([0-9A-Z-]{2,16}):/i.exec(scanned.trim());
  return m ? m[1]!.toUpperCase() : null;
}

export const isPhone = (digits: string) => Phone.safeParse(digits).success;

export function textReady(text: string): boolean {
  const n = text.trim().length;
  return n >= TEXT_MIN && n <= TEXT_MAX;
}

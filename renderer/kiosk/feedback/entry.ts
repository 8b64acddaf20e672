import { TrackingCode } from '../../../core/contract/opinions.js';
import { Phone } from '../../../core/contract/queue.js';

/** Mirrors core/opinions/tracking-code.ts: the slip's QR text and a typed code both read as "K7PM-3XQ9". */
export const TRACKING_QR_PREFIX = 'HALL-OPINION:';
export const TICKET_QR_PREFIX = 'HALL-TICKET:';

export const CODE_CHARS = 8;
export const PHONE_MAX = 12;
export const TEXT_MIN = 5;
export const TEXT_MAX = 2000;

/** The characters typed for a tracking code, dash and spaces dropped, upper case, at most eight. */
export function codeChars(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, CODE_CHARS);
}

/** "K7PM3XQ9" → "K7PM-3XQ9" as the visitor types it (the dash appears after four). */
export function formatCode(chars: string): string {
  return chars.length > 4 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : chars;
}

export function isTrackingCode(chars: string): boolean {
  return TrackingCode.safeParse(formatCode(chars)).success;
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

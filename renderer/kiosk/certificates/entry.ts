import { PICKUP_QR_PREFIX } from '../../../core/contract/certificates.js';

/** A pickup code's characters (core/contract PickupCode): no 0/1/O/I/B/G/L/Q/S/Z, so nothing can be misread. */
export const PICKUP_CHARS = '23456789ACDEFHJKMNPRTUVWXY';
export const PICKUP_LENGTH = 8;
export const PHONE_LAST4 = 4;

/** What was typed, kept to a pickup code's characters, upper case, at most its length. */
export function pickupChars(input: string): string {
  return [...input.toUpperCase()].filter((c) => PICKUP_CHARS.includes(c)).join('').slice(0, PICKUP_LENGTH);
}

/** Whether a scan is the SMS's pickup QR (a certificate's own QR is for verifying, not for printing). */
export const isPickupScan = (scanned: string): boolean => scanned.trim().toUpperCase().startsWith(PICKUP_QR_PREFIX);

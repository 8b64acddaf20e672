import { PICKUP_QR_PREFIX, PickupCode } from '../contract/certificates.js';

/**
 * The SMS's pickup QR: `HALL-PICKUP:<code>:<phone last four>`. It carries both halves of the kiosk's
 * proof, so scanning it is the same as typing the code and the digits; `HALL-PICKUP:<code>` alone only
 * finds the certificate at a counter (where the clerk checks the ID), never prints it at a kiosk.
 */
export function readPickupQr(text: string): { code: string; last4: string | null } | null {
  const t = text.trim().toUpperCase();
  if (!t.startsWith(PICKUP_QR_PREFIX)) return null;
  const [code = '', last4 = null, ...rest] = t.slice(PICKUP_QR_PREFIX.length).split(':');
  if (rest.length || !PickupCode.safeParse(code).success || (last4 !== null && !/^\d{4}$/.test(last4))) return null;
  return { code, last4 };
}

/** Whether a code as typed (separators and case aside) can be a certificate's pickup code. */
export const isPickupCode = (text: string): boolean => PickupCode.safeParse(text.toUpperCase().replace(/[\s-]/g, '')).success;

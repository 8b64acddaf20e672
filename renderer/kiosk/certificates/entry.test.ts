import { describe, expect, it } from 'vitest';
import { PickupCode } from '../../../core/contract/certificates.js';
import { isPickupScan, pickupChars, PICKUP_CHARS } from './entry.js';

describe('kiosk certificate entry', () => {
  it('keeps only a pickup code’s characters, in capitals, eight at most', () => {
    expect(pickupChars('ac-de 2345')).toBe('ACDE2345');
    expect(pickupChars('O0I1ACDE2345XY')).toBe('ACDE2345');
    expect(PickupCode.safeParse(pickupChars('hjkm npr7')).success).toBe(true);
  });
  it('uses exactly the contract’s alphabet', () => {
    for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') expect(PickupCode.safeParse(c.repeat(8)).success, c).toBe(PICKUP_CHARS.includes(c));
  });
  it('tells the SMS’s pickup QR from a certificate’s QR', () => {
    expect(isPickupScan(' hall-pickup:ACDE2345:01JH0000')).toBe(true);
    expect(isPickupScan('HCERT1|1.2.156|001|2026-11-02|ab|k1|00')).toBe(false);
    expect(isPickupScan('HALL-TICKET:A012:x')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { codeChars, codeFromScan, formatCode, isPhone, isTrackingCode, textReady, ticketChars, ticketFromScan } from './entry.js';

describe('typing a tracking code', () => {
  it('takes letters and digits in any case and shows the dash after four', () => {
    expect(codeChars('k7pm-3xq9')).toBe('K7PM3XQ9');
    expect(formatCode('K7PM3')).toBe('K7PM-3');
    expect(formatCode('K7P')).toBe('K7P');
    expect(codeChars('K7PM3XQ9ZZ')).toBe('K7PM3XQ9');
  });

  it('knows a whole code from an incomplete one or one with look-alikes', () => {
    expect(isTrackingCode('K7PM3XQ9')).toBe(true);
    expect(isTrackingCode('K7PM3XQ')).toBe(false);
    expect(isTrackingCode('K7PM3XQ0')).toBe(false);
  });

  it('reads the slip QR and ignores other scans', () => {
    expect(codeFromScan('HALL-OPINION:K7PM-3XQ9')).toBe('K7PM3XQ9');
    expect(codeFromScan('HALL-TICKET:A012:01J')).toBeNull();
  });
});

describe('typing a ticket number', () => {
  it('keeps the dash of an offline number and reads the ticket slip QR', () => {
    expect(ticketChars('k-a001')).toBe('K-A001');
    expect(ticketFromScan('HALL-TICKET:K-A001:01JDX3')).toBe('K-A001');
    expect(ticketFromScan('HALL-OPINION:K7PM-3XQ9')).toBeNull();
  });
});

describe('opinion fields', () => {
  it('accepts a mobile or landline number and a text of 5 to 2000 characters', () => {
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('045112345678')).toBe(true);
    expect(isPhone('1381234')).toBe(false);
    expect(textReady('  太慢  ')).toBe(false);
    expect(textReady('办事太慢了')).toBe(true);
  });
});

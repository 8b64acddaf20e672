import { describe, expect, it } from 'vitest';
import { codeChars, codeFromScan, formatCode, isPhone, isTrackingCode, textReady, ticketChars, ticketFromScan } from './entry.js';

describe('typing a tracking code', () => {
  it('takes letters and digits in any case and shows a dash after every five', () => {
    expect(codeChars('k7pm3-xq9ab-cdefg')).toBe('K7PM3XQ9ABCDEFG');
    expect(formatCode('K7PM3X')).toBe('K7PM3-X');
    expect(formatCode('K7PM3XQ9ABCDEFG')).toBe('K7PM3-XQ9AB-CDEFG');
    expect(formatCode('K7P')).toBe('K7P');
    expect(codeChars('K7PM3XQ9ABCDEFGZZ')).toBe('K7PM3XQ9ABCDEFG');
  });

  it('knows a whole code, or an older 4 + 4 one, from an incomplete one or one with look-alikes', () => {
    expect(isTrackingCode('K7PM3XQ9ABCDEFG')).toBe(true);
    expect(isTrackingCode('K7PM3XQ9')).toBe(true);
    expect(isTrackingCode('K7PM3XQ9ABCDEF')).toBe(false);
    expect(isTrackingCode('K7PM3XQ9ABCDEF0')).toBe(false);
  });

  it('reads the slip QR and ignores other scans', () => {
    expect(codeFromScan('HALL-OPINION:K7PM3-XQ9AB-CDEFG')).toBe('K7PM3XQ9ABCDEFG');
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

import { describe, expect, it } from 'vitest';
import { APPOINTMENT_CODE_LENGTH, applyPadKey, padKeyOf, PHONE_DIGITS, type PadKey } from './digits.js';

const type = (keys: PadKey[], max: number) => keys.reduce((d, k) => applyPadKey(d, k, max), '');

describe('number pad', () => {
  it('types a six-digit appointment code and stops at six', () => {
    expect(type(['1', '2', '3', '4', '5', '6', '7'], APPOINTMENT_CODE_LENGTH)).toBe('123456');
  });
  it('takes only four phone digits', () => {
    expect(type(['8', '8', '0', '1', '9'], PHONE_DIGITS)).toBe('8801');
  });
  it('deletes one digit, or clears all, and never fails on an empty field', () => {
    expect(type(['1', '2', 'backspace'], 6)).toBe('1');
    expect(type(['1', '2', 'clear', '5'], 6)).toBe('5');
    expect(type(['backspace', 'clear'], 6)).toBe('');
  });
  it('maps a physical keyboard: digits, Backspace and Escape only', () => {
    expect(padKeyOf('7')).toBe('7');
    expect(padKeyOf('Backspace')).toBe('backspace');
    expect(padKeyOf('Escape')).toBe('clear');
    expect(padKeyOf('a')).toBeNull();
    expect(padKeyOf('Enter')).toBeNull();
    expect(padKeyOf('١')).toBeNull();
  });
});

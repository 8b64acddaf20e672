/** A key of the on-screen number pad. */
export type PadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'backspace' | 'clear';

export const APPOINTMENT_CODE_LENGTH = 6;
export const PHONE_DIGITS = 4;

/** Applies one pad key to the digits typed so far; never grows past `max` and never takes anything but digits. */
export function applyPadKey(digits: string, key: PadKey, max: number): string {
  if (key === 'backspace') return digits.slice(0, -1);
  if (key === 'clear') return '';
  return digits.length >= max ? digits : digits + key;
}

/** A physical key (KeyboardEvent.key) as a pad key, or null when it is not one. */
export function padKeyOf(key: string): PadKey | null {
  if (/^[0-9]$/.test(key)) return key as PadKey;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Escape') return 'clear';
  return null;
}

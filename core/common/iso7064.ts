/** ISO 7064 check characters, as the national codes use them (GB 11643, GB/T 36904). */

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** MOD 37,36 (hybrid, alphanumeric): the character that makes `s` + it check; null when `s` holds another character. */
export function mod37_36(s: string): string | null {
  let p = 36;
  for (const c of s) {
    const v = ALNUM.indexOf(c);
    if (v < 0) return null;
    const t = (p + v) % 36 || 36;
    p = (t * 2) % 37;
  }
  return ALNUM[(37 - p) % 36]!;
}

/** MOD 11-2 over digits (the resident ID's last character): '0'..'9' or 'X'; null when `s` is not all digits. */
export function mod11_2(digits: string): string | null {
  if (!/^\d*$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (2 ** (digits.length - i) % 11);
  return '10X98765432'[sum % 11]!;
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character. */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** As typed: trimmed, upper case, spaces dropped. */
export const normalizeCreditCode = (input: string) => input.replace(/\s/g, '').toUpperCase();

/** The check character of the first 17 characters, or null when they are not 17 of the code's alphabet. */
export function creditCodeCheck(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = 'length' | 'characters' | 'check';

/** Null when `code` (already normalized) is a well-formed credit code, else what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) return 'characters';
  return creditCodeCheck(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const isCreditCode = (code: string) => creditCodeProblem(code) === null;

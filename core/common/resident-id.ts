import { mod11_2 } from './iso7064.js';

/** 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, MOD 11-2 check. */

/** As typed: trimmed, spaces dropped, a lower-case x made upper case. */
export const normalizeResidentId = (input: string) => input.replace(/\s/g, '').toUpperCase();

export type ResidentIdProblem = 'length' | 'characters' | 'birth-date' | 'check';

function realDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Null when `id` (already normalized) is a well-formed resident ID number, else what is wrong with it. */
export function residentIdProblem(id: string): ResidentIdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!realDate(id.slice(6, 14))) return 'birth-date';
  return mod11_2(id.slice(0, 17)) === id[17] ? null : 'check';
}

export const isResidentId = (id: string) => residentIdProblem(id) === null;

/** The last four characters, the part of an ID number that may be kept and shown. */
export const idLast4 = (id: string) => id.slice(-4);

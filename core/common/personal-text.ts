/**
 * ID numbers and phones that people type into free text (complaint texts, rating comments, answers):
 * found and masked the same way wherever text is shown to someone who may not read it whole.
 */

// 18-digit resident ID (last may be X), the old 15-digit one, a mobile (spaces or dashes allowed
// between its groups) and a landline with area code. Longest first, never inside a longer number.
const PERSONAL_NUMBER = /(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14}|1[3-9][0-9](?:[ -]?[0-9]{4}){2}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9Xx])/g;

/** 13812345678 → 138****5678, 230102199001011234 → 230***********1234: the first three and last four stay. */
function maskNumber(found: string): string {
  const digits = found.replace(/[ -]/g, '');
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(4, digits.length - 7))}${digits.slice(-4)}`;
}

/** The text with every ID number and phone in it masked; null stays null. */
export function maskPersonalText<T extends string | null>(text: T): T {
  return (text === null ? null : text.replace(PERSONAL_NUMBER, maskNumber)) as T;
}

/** Whether the text still holds an ID number or a phone. */
export function hasPersonalNumber(text: string): boolean {
  return new RegExp(PERSONAL_NUMBER.source).test(text);
}

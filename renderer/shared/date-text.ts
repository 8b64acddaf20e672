/**
 * Dates typed the way a Chinese screen writes them, year first: 2026-12-01, 2026/12/1, 2026.12.1,
 * 2026年12月1日. The browser's own date input ignores the page's language and shows its own locale
 * (12/01/2026 in an English browser), so date fields are text in this one format.
 */
const TYPED = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;

/** The ISO date (2026-12-01) a text means, or null when it is no real date. */
export function parseDateText(text: string): string | null {
  const m = TYPED.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when `text` is a real date within min…max (ISO dates, either may be absent). */
export function dateInRange(text: string, min?: string, max?: string): boolean {
  const iso = parseDateText(text);
  return iso !== null && (!min || iso >= min) && (!max || iso <= max);
}

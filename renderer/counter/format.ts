import type { Lang } from '../../core/contract/common.js';

/** Today's date on this PC as YYYY-MM-DD (local time: the hall's day, not UTC's). */
export function todayIso(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 09:05 — the local clock time of an ISO timestamp. */
export function clockTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

/** The appointment code in groups of three, easier to read out on the phone: 123 456. */
export function spacedCode(code: string): string {
  return code.replace(/^(\d{3})(\d{3})$/, '$1 $2');
}

import type { Lang } from '../../core/contract/common.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date on this PC as YYYY-MM-DD (local time: the hall's day, not UTC's). */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type RangePreset = 'today' | 'week' | 'month' | 'quarter';
export const RANGE_PRESETS: RangePreset[] = ['today', 'week', 'month', 'quarter'];

/** today; the last 7 days; this month so far; this quarter so far (quarterly reports, seed 三). */
export function presetRange(preset: RangePreset, now: Date = new Date()): { from: string; to: string } {
  const to = isoDay(now);
  const y = now.getFullYear();
  const m = now.getMonth();
  switch (preset) {
    case 'today':
      return { from: to, to };
    case 'week':
      return { from: isoDay(new Date(y, m, now.getDate() - 6)), to };
    case 'month':
      return { from: isoDay(new Date(y, m, 1)), to };
    case 'quarter':
      return { from: isoDay(new Date(y, m - (m % 3), 1)), to };
  }
}

/** Both ends valid, in order, at most 366 days apart (the server's limit). */
export function validRange(from: string, to: string): boolean {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(a) || Number.isNaN(b)) return false;
  return a <= b && (b - a) / 86_400_000 <= 365;
}

/** 92.3 % — one decimal, in the page's language; a dash when nothing was counted. */
export function percent(share: number | null, lang: Lang): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** share = part / whole, or null for an empty whole (never shown as 0 % or 100 %). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** 2026-11-26 09:05 in this PC's time. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${isoDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whole calendar days from `today` to `deadline` (negative: that many days late). */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** 138****5678: what any page shows when it has no business with the full number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The number to show: in full only where the role may call back, masked everywhere else. */
export function shownPhone(p: { phone: string | null; phoneMasked: string | null }, fullAllowed: boolean): string | null {
  if (fullAllowed && p.phone) return p.phone;
  if (p.phoneMasked) return p.phoneMasked;
  return p.phone ? maskPhone(p.phone) : null;
}

import { addDays, daysBetween } from '../../core/common/hall-time.js';
import type { Lang } from '../../core/contract/common.js';

export type RangePreset = 'today' | 'week' | 'month' | 'quarter';
export const RANGE_PRESETS: RangePreset[] = ['today', 'week', 'month', 'quarter'];

/** From the hall's `today`: today; the last 7 days; this month so far; this quarter so far (quarterly reports, seed 三). */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: addDays(today, -6), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'quarter':
      return { from: `${today.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`, to: today };
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

/** Whole calendar days from `today` to `deadline` (negative: that many days late). */
export const daysLeft = (deadline: string, today: string): number => daysBetween(today, deadline);

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

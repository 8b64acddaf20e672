import type { Lang } from '../../core/contract/common.js';

/** "3 分钟前" / "3 minutes ago" / "3 минуты назад" from `iso` as seen at `now`. */
export function relativeTime(iso: string, now: Date, lang: Lang): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = Math.round((ms - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

/** Date and time to the second, in the hall's time zone. */
export function absoluteTime(iso: string, lang: Lang, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone }).format(ms);
}

/** A length of time in words, with the language's own plural: "5分钟", "1 minute", "5 минут". */
export function duration(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  const [value, unit] = abs < 60_000 ? [Math.max(1, Math.round(abs / 1000)), 'second'] : [Math.round(abs / 60_000), 'minute'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** Which way the clock is off: the offset is server time minus this terminal's time. */
export function clockDirection(offsetMs: number): 'ahead' | 'behind' {
  return offsetMs < 0 ? 'ahead' : 'behind';
}

/**
 * The hall's calendar and clock. Every time a person sees, prints, counts per day or holds to a
 * deadline is read in the hall's time zone, never in the zone of the machine the code runs on.
 */

export interface HallMoment {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM, 24-hour */
  time: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  return f;
}

const toMs = (at: Date | number | string): number => (typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime());

/** The hall's date and clock time at an instant. */
export function hallMoment(at: Date | number | string, timeZone: string): HallMoment {
  const ms = toMs(at);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${String(at)}`);
  const parts: Record<string, string> = {};
  for (const p of formatIn(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The hall's date (tickets are numbered per day, ratings counted per day) as YYYY-MM-DD. */
export function hallDay(at: Date | number | string, timeZone: string): string {
  return hallMoment(at, timeZone).day;
}

/** "2026-11-26 09:05" in the hall's zone; an unreadable time is returned as it came. */
export function hallDateTime(at: string, timeZone: string): string {
  if (Number.isNaN(Date.parse(at))) return at;
  const m = hallMoment(at, timeZone);
  return `${m.day} ${m.time}`;
}

/** True for an IANA zone this runtime knows (Asia/Shanghai, Asia/Harbin, UTC…). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Calendar arithmetic on YYYY-MM-DD dates, independent of any time zone. */
export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** 0 for Sunday … 6 for Saturday. */
export function weekdayOf(day: string): number {
  return new Date(dayMs(day)).getUTCDay();
}

/** The instant at which the hall's clock reads `time` (HH:MM) on `day`. */
export function hallInstant(day: string, time: string, timeZone: string): number {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  let at = wanted;
  // Twice: the zone's offset at the first guess may differ from the offset at the answer (DST).
  for (let i = 0; i < 2; i++) {
    const seen = hallMoment(at, timeZone);
    at += wanted - Date.parse(`${seen.day}T${seen.time}:00Z`);
  }
  return at;
}

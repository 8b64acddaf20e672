import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The working-day calendar deadlines are counted on: Saturdays and Sundays are off, listed holidays
 * are off, listed make-up working days (调休) are on, whatever weekday they fall on.
 */

const Day = z.iso.date();
const Named = z.object({ name: z.string().default('') });
export const CalendarFile = z.object({
  name: z.string().default(''),
  source: z.string().default(''),
  /** False until the department has compared the file with the official notice. */
  checked: z.boolean().default(false),
  note: z.string().optional(),
  holidays: z.array(z.union([Named.extend({ date: Day }), Named.extend({ from: Day, to: Day })])).default([]),
  workdays: z.array(Named.extend({ date: Day })).default([]),
});
export type CalendarFile = z.infer<typeof CalendarFile>;

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const nextDay = (d: string) => toDay(toMs(d) + DAY_MS);

export class WorkingCalendar {
  /** Date → name of the holiday or make-up day. */
  readonly holidays = new Map<string, string>();
  readonly workdays = new Map<string, string>();
  /** Years the file lists anything for; other years count weekends only. */
  readonly years = new Set<number>();

  constructor(readonly file: CalendarFile = CalendarFile.parse({})) {
    for (const h of file.holidays) {
      const [from, to] = 'date' in h ? [h.date, h.date] : [h.from, h.to];
      if (to < from) throw new Error(`Holiday "${h.name}" ends (${to}) before it starts (${from})`);
      for (let d = from; d <= to; d = nextDay(d)) this.holidays.set(d, h.name);
    }
    for (const w of file.workdays) {
      if (this.holidays.has(w.date)) throw new Error(`${w.date} is listed as both a holiday and a working day`);
      this.workdays.set(w.date, w.name);
    }
    for (const d of [...this.holidays.keys(), ...this.workdays.keys()]) this.years.add(Number(d.slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(toMs(Day.parse(date))).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The n-th working day after `date` (the day itself is never counted, 期间开始之日不计入): a case
   * filed on a weekend or holiday therefore starts counting from the next working day. n = 0: the
   * date itself if it is a working day, else the next working day.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, got ${n}`);
    let d = Day.parse(date);
    if (n === 0) {
      while (!this.isWorkingDay(d)) d = nextDay(d);
      return d;
    }
    for (let left = n; left > 0; ) {
      d = nextDay(d);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Whether the file lists holidays for this year (if not, only weekends are off). */
  covers(year: number): boolean {
    return this.years.has(year);
  }
}

export function parseCalendar(text: string, origin = 'calendar'): WorkingCalendar {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${origin} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = CalendarFile.safeParse(json);
  if (!parsed.success) throw new Error(`${origin}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return new WorkingCalendar(parsed.data);
}

/** Reads HOLIDAYS_FILE; a missing or broken file stops the server rather than count deadlines wrongly. */
export function loadCalendar(file: string): WorkingCalendar {
  return parseCalendar(readFileSync(file, 'utf8'), file);
}

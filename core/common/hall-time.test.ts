import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, hallDateTime, hallDay, hallMoment, isTimeZone, weekdayOf } from './hall-time.js';

// 23:59 and 00:01 in Harbin (UTC+8) are 15:59 and 16:01 UTC: the machine's date and the hall's part here.
const BEFORE_MIDNIGHT = '2026-12-01T15:59:00.000Z';
const AFTER_MIDNIGHT = '2026-12-01T16:01:00.000Z';

describe('the hall clock', () => {
  it('reads 23:59 and 00:01 in the hall, whatever the machine’s zone', () => {
    expect(hallMoment(BEFORE_MIDNIGHT, 'Asia/Shanghai')).toEqual({ day: '2026-12-01', time: '23:59' });
    expect(hallMoment(AFTER_MIDNIGHT, 'Asia/Shanghai')).toEqual({ day: '2026-12-02', time: '00:01' });
    expect(hallDay(new Date(AFTER_MIDNIGHT), 'Asia/Shanghai')).toBe('2026-12-02');
    expect(hallDay(Date.parse(AFTER_MIDNIGHT), 'UTC')).toBe('2026-12-01');
  });

  it('writes a timestamp as the hall’s date and time, not as the string’s own offset', () => {
    expect(hallDateTime('2026-11-26T02:09:00Z', 'Asia/Shanghai')).toBe('2026-11-26 10:09');
    expect(hallDateTime('2026-11-26T10:09:00+08:00', 'America/Los_Angeles')).toBe('2026-11-25 18:09');
    expect(hallDateTime('not a time', 'Asia/Shanghai')).toBe('not a time');
  });

  it('counts midnight as 00, never 24', () => {
    expect(hallMoment('2026-12-01T16:00:00Z', 'Asia/Shanghai').time).toBe('00:00');
  });

  it('tells a known zone from a typo', () => {
    expect(isTimeZone('Asia/Harbin')).toBe(true);
    expect(isTimeZone('Asia/Harbinn')).toBe(false);
  });

  it('does calendar arithmetic on dates across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10);
    expect(weekdayOf('2026-12-01')).toBe(2);
  });
});

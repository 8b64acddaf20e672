import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../config.js';
import { loadCalendar, parseCalendar, WorkingCalendar } from './calendar.js';

const cn2026 = loadCalendar(loadServerConfig({}).holidaysFile);

describe('working-day calendar', () => {
  it('skips weekends: a day after Friday is Monday, and 15 working days span three weekends', () => {
    const plain = new WorkingCalendar();
    expect(plain.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(plain.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(plain.addWorkingDays('2026-03-04', 15)).toBe('2026-03-25');
    expect(cn2026.addWorkingDays('2026-03-04', 15)).toBe('2026-03-25');
  });

  it('a case filed on a weekend starts counting on Monday, like one filed on Friday', () => {
    expect(cn2026.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(cn2026.addWorkingDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(cn2026.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
  });

  it('the National Day week is off and its make-up Saturday and Sunday are working days', () => {
    expect(cn2026.isWorkingDay('2026-10-01')).toBe(false);
    expect(cn2026.isWorkingDay('2026-10-10')).toBe(true);
    expect(cn2026.isWorkingDay('2026-09-20')).toBe(true);
    expect(cn2026.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(cn2026.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cn2026.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('a case filed on a holiday counts from the first working day after it', () => {
    // 10-03 is a holiday Saturday: 10-08 is day 1, 10-10 (make-up) day 3, 10-27 day 15.
    expect(cn2026.addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
    expect(cn2026.addWorkingDays('2026-10-03', 15)).toBe('2026-10-27');
    // Spring Festival: Friday before it, then the make-up Saturday, then after the nine days off.
    expect(cn2026.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cn2026.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cn2026.addWorkingDays('2026-02-17', 1)).toBe('2026-02-24');
  });

  it('15 working days from the eve of May Day: five days off, then the make-up Saturday counts', () => {
    expect(cn2026.addWorkingDays('2026-04-30', 15)).toBe('2026-05-25');
  });

  it('holidays and make-up days come from the configured file; a day listed as both is refused', () => {
    const cal = parseCalendar(JSON.stringify({ holidays: [{ date: '2027-01-01', name: 'x' }], workdays: [{ date: '2027-01-02' }] }));
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-02')).toBe(true);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.covers(2028)).toBe(false);
    expect(() => parseCalendar(JSON.stringify({ holidays: [{ date: '2027-01-01' }], workdays: [{ date: '2027-01-01' }] }))).toThrow(/both/);
    expect(() => parseCalendar('{"holidays":[{"date":"2027-13-01"}]}', 'h.json')).toThrow(/h\.json/);
  });
});

import { describe, expect, it } from 'vitest';
import { dateInRange, parseDateText } from './date-text.js';

describe('dates typed year first', () => {
  it('reads the usual Chinese ways of writing a date as one ISO date', () => {
    for (const text of ['2026-12-01', '2026/12/1', '2026.12.01', '2026年12月1日', ' 2026 年 12 月 1 日 ']) expect(parseDateText(text), text).toBe('2026-12-01');
  });

  it('refuses what is no real date, and the month-first order of an English browser', () => {
    for (const text of ['2026-02-30', '2026-13-01', '12/01/2026', '2026-12', '', 'tomorrow']) expect(parseDateText(text), text).toBeNull();
  });

  it('checks the bounds on the date meant, not on the text', () => {
    expect(dateInRange('2026/12/1', '2026-12-01')).toBe(true);
    expect(dateInRange('2026/11/30', '2026-12-01')).toBe(false);
    expect(dateInRange('2027-01-01', undefined, '2026-12-31')).toBe(false);
    expect(dateInRange('2026-02-30')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate } from './format.js';

describe('formatDate', () => {
  it('writes a catalog date the way each language reads it, without shifting the day', () => {
    expect(formatDate('2022-12-30', 'zh-CN')).toBe('2022年12月30日');
    expect(formatDate('2022-12-30', 'en')).toBe('December 30, 2022');
    expect(formatDate('2020-01-01', 'ru')).toBe('1 января 2020 г.');
  });
  it('shows anything that is not a plain date as it came', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

import { describe, expect, it } from 'vitest';
import { clockTime, hallToday } from './hallZone.js';

describe('the hall’s clock on screen', () => {
  it('shows call times on the hall’s clock in 24-hour form, not the browser’s', () => {
    expect(clockTime('2026-12-01T15:59:00.000Z', 'Asia/Shanghai')).toBe('23:59');
    expect(clockTime('2026-12-01T16:01:00.000Z', 'Asia/Shanghai')).toBe('00:01');
    expect(clockTime('2026-12-01T16:01:00.000Z', 'America/Los_Angeles')).toBe('08:01');
    expect(clockTime('not a date', 'Asia/Shanghai')).toBe('not a date');
  });

  it('turns the hall’s date at its own midnight', () => {
    expect(hallToday('Asia/Shanghai', Date.parse('2026-12-01T15:59:00Z'))).toBe('2026-12-01');
    expect(hallToday('Asia/Shanghai', Date.parse('2026-12-01T16:01:00Z'))).toBe('2026-12-02');
  });
});

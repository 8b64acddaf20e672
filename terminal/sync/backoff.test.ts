import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('reconnect backoff', () => {
  const opts = { baseMs: 500, maxMs: 30_000 };

  it('doubles from the base after each failed attempt', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, opts, () => 0))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(backoffDelay(10, opts, () => 0)).toBe(30_000);
    expect(backoffDelay(10_000, opts, () => 0)).toBe(30_000);
  });

  it('spreads terminals out by shortening each wait by up to half', () => {
    expect(backoffDelay(3, opts, () => 0.999)).toBeGreaterThanOrEqual(2000);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(3000);
  });
});

import { describe, expect, it } from 'vitest';
import { p50p95, percentile } from './percentile.js';

describe('percentile (nearest rank)', () => {
  it('answers an observed value: the smallest with at least p % at or below it', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 60); // 1..20 minutes
    expect(percentile(twenty, 50)).toBe(600);
    expect(percentile(twenty, 95)).toBe(1140);
    expect(percentile(twenty, 100)).toBe(1200);
    expect(percentile([300, 100, 200], 50)).toBe(200);
    expect(percentile([100, 200, 300, 400], 50)).toBe(200);
  });

  it('does not depend on the order of the data, and a single value is every percentile', () => {
    expect(percentile([9, 1, 5, 3, 7], 95)).toBe(9);
    expect(percentile([42], 50)).toBe(42);
    expect(percentile([42], 95)).toBe(42);
  });

  it('has nothing to say about no data, and refuses a percentile outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNull();
    expect(p50p95([])).toEqual({ count: 0, p50: null, p95: null });
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

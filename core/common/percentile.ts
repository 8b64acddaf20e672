/**
 * Percentiles of durations (马上办 times) by the nearest-rank rule: the smallest observation with at
 * least p % of all observations at or below it. Every answer is a time that really happened, and the
 * same data always gives the same answer, so the supervision page and the quarterly reports agree.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile is above 0 and at most 100, got ${p}`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** The median and the 95th percentile together, as the pages and reports show them. */
export function p50p95(values: readonly number[]): { count: number; p50: number | null; p95: number | null } {
  return { count: values.filter((v) => Number.isFinite(v)).length, p50: percentile(values, 50), p95: percentile(values, 95) };
}

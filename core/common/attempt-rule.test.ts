import { describe, expect, it } from 'vitest';
import { attemptWaitMs, rememberMs, retryAfterMinutes, retryAfterSeconds, type AttemptRule } from './attempt-rule.js';

const MIN = 60_000;
const T = Date.parse('2026-03-02T09:00:00Z');
const at = (...minutes: number[]) => minutes.map((m) => T + m * MIN);

describe('the attempt rule', () => {
  const window: AttemptRule = { max: 3, windowMs: 15 * MIN };

  it('allows tries until the window holds max failures, then until the oldest needed one ages out', () => {
    expect(attemptWaitMs([], window, T)).toBe(0);
    expect(attemptWaitMs(at(0, 1), window, T + 2 * MIN)).toBe(0);
    expect(attemptWaitMs(at(0, 1, 2), window, T + 2 * MIN)).toBe(13 * MIN);
    expect(attemptWaitMs(at(0, 1, 2), window, T + 15 * MIN)).toBe(0);
    // Failures in any order, and ones older than the window, count as they should.
    expect(attemptWaitMs(at(2, -30, 0, 1, 3), window, T + 3 * MIN)).toBe(13 * MIN);
  });

  it('never limits with max 0, and ignores failures stamped after now', () => {
    expect(attemptWaitMs(at(0, 0, 0, 0), { max: 0, windowMs: MIN }, T)).toBe(0);
    expect(attemptWaitMs(at(5, 6, 7), window, T)).toBe(0);
  });

  it('locks for lockMs after max failures in one window, even once they have left the window', () => {
    const rule: AttemptRule = { max: 3, windowMs: 5 * MIN, lockMs: 60 * MIN };
    expect(attemptWaitMs(at(0, 1, 2), rule, T + 10 * MIN)).toBe(52 * MIN);
    expect(attemptWaitMs(at(0, 1, 2), rule, T + 62 * MIN)).toBe(0);
    // Three failures spread wider than the window never lock.
    expect(attemptWaitMs(at(0, 5, 10), rule, T + 10 * MIN)).toBe(0);
    expect(rememberMs(rule)).toBe(65 * MIN);
  });

  it('backs off: max free failures, then a wait doubling per failure up to its cap, from the last failure', () => {
    const rule: AttemptRule = { max: 2, windowMs: 60 * MIN, backoff: { firstMs: 30_000, maxMs: 4 * MIN } };
    expect(attemptWaitMs(at(0), rule, T)).toBe(0);
    expect(attemptWaitMs(at(0, 0), rule, T)).toBe(30_000);
    expect(attemptWaitMs(at(0, 0, 1), rule, T + MIN)).toBe(60_000);
    expect(attemptWaitMs(at(0, 0, 1, 2), rule, T + 2 * MIN + 30_000)).toBe(90_000);
    expect(attemptWaitMs(at(0, 1, 2, 3, 4, 5, 6), rule, T + 6 * MIN)).toBe(4 * MIN);
    // Once the failures are older than the window, the key starts afresh.
    expect(attemptWaitMs(at(0, 1, 2, 3), rule, T + 64 * MIN)).toBe(0);
  });

  it('tells the wait in whole seconds and minutes, never 0 while refused', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(60_001)).toBe(61);
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(601)).toBe(11);
  });
});

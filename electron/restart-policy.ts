// When a screen crashes or hangs, reload it with growing delays; after too many crashes in a short
// time, stop looping and show an error page, then try once more when the window of time has passed.
// Pure: the caller passes the clock.

export interface RestartLimits {
  /** Restarts allowed within `periodMs` before giving up. */
  maxRestarts: number;
  periodMs: number;
  /** Delay before the first reload; doubles for each further crash in the period, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_LIMITS: RestartLimits = { maxRestarts: 5, periodMs: 10 * 60_000, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type RestartDecision =
  | { action: 'reload'; delayMs: number; attempt: number }
  /** Show the error page; `retryInMs` is when the oldest crash leaves the period and a reload is allowed again. */
  | { action: 'give-up'; retryInMs: number };

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly limits: RestartLimits = DEFAULT_LIMITS) {
    if (limits.maxRestarts < 1 || limits.periodMs <= 0 || limits.baseDelayMs < 0 || limits.maxDelayMs < limits.baseDelayMs) {
      throw new Error('invalid restart limits');
    }
  }

  /** Records a crash (or hang, or failed load) at `now` and says what to do. */
  onCrash(now: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.limits.periodMs);
    if (this.crashes.length >= this.limits.maxRestarts) {
      const oldest = this.crashes[0]!;
      return { action: 'give-up', retryInMs: Math.max(0, oldest + this.limits.periodMs - now) };
    }
    this.crashes.push(now);
    const attempt = this.crashes.length;
    const delayMs = Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** (attempt - 1));
    return { action: 'reload', delayMs, attempt };
  }

  /** Crashes counted in the current period (for the log). */
  recent(now: number): number {
    return this.crashes.filter((t) => now - t < this.limits.periodMs).length;
  }
}

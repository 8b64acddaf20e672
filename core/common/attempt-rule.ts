/**
 * How many failed tries a key (a login, an address, a terminal, a code) may make, applied the same
 * way by the central server and the terminals; each keeps the failure times in its own database.
 */
export interface AttemptRule {
  /** Failures allowed within `windowMs`; 0 means no limit. */
  max: number;
  /** How far back failures count. */
  windowMs: number;
  /** Once `max` failures fall within one window: no try at all for this long after the last of them. */
  lockMs?: number;
  /**
   * Instead of refusing until the window has slid past: after `max` failures, each further one makes
   * the next try wait `firstMs`, doubled per failure, at most `maxMs`, counted from the last failure.
   */
  backoff?: { firstMs: number; maxMs: number };
}

/** How long a failure matters to `rule`: stores may forget it after this. */
export function rememberMs(rule: AttemptRule): number {
  return rule.windowMs + (rule.lockMs ?? 0);
}

/** Milliseconds until the key whose failures happened at `failures` may try again; 0 when it may now. */
export function attemptWaitMs(failures: readonly number[], rule: AttemptRule, now: number): number {
  if (rule.max <= 0) return 0;
  const times = failures.filter((t) => t <= now && t > now - rememberMs(rule)).sort((a, b) => a - b);
  const inWindow = times.filter((t) => t > now - rule.windowMs);
  let until = 0;
  if (rule.backoff) {
    const over = inWindow.length - rule.max;
    if (over >= 0) until = inWindow.at(-1)! + Math.min(rule.backoff.maxMs, rule.backoff.firstMs * 2 ** over);
  } else if (inWindow.length >= rule.max) {
    // Sliding window: the try is allowed once enough of the window's failures have aged out of it.
    until = inWindow[inWindow.length - rule.max]! + rule.windowMs;
  }
  if (rule.lockMs !== undefined) {
    for (let i = rule.max - 1; i < times.length; i++) {
      if (times[i]! - times[i - rule.max + 1]! < rule.windowMs) until = Math.max(until, times[i]! + rule.lockMs);
    }
  }
  return Math.max(0, until - now);
}

/** Whole seconds to wait, as told to the caller (Retry-After); at least 1 while refused. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** Whole minutes to wait, as written in "try again in N minutes"; at least 1. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** One thing a try is counted against: `kind` names the limit (e.g. 'login'), `key` whose tries they are. */
export interface AttemptKey {
  kind: string;
  key: string;
  rule: AttemptRule;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const LIVE_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * The wait before reconnect attempt `attempt` (0 = the first after a drop): doubling from baseMs up
 * to maxMs, each randomly shortened by up to half so a hall's terminals do not all reconnect at once
 * after the server restarts. `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = LIVE_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(ceiling * (1 - random() / 2));
}

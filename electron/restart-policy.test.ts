import { describe, expect, it } from 'vitest';
import { RestartPolicy, type RestartLimits } from './restart-policy.js';

const limits: RestartLimits = { maxRestarts: 3, periodMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 3_000 };

describe('RestartPolicy', () => {
  it('reloads a crashed screen with doubling delays, capped', () => {
    const p = new RestartPolicy(limits);
    expect(p.onCrash(0)).toEqual({ action: 'reload', delayMs: 1_000, attempt: 1 });
    expect(p.onCrash(5_000)).toEqual({ action: 'reload', delayMs: 2_000, attempt: 2 });
    expect(p.onCrash(10_000)).toEqual({ action: 'reload', delayMs: 3_000, attempt: 3 });
  });

  it('gives up instead of looping once the limit is reached within the period, and says when to try again', () => {
    const p = new RestartPolicy(limits);
    p.onCrash(0);
    p.onCrash(1_000);
    p.onCrash(2_000);
    expect(p.onCrash(3_000)).toEqual({ action: 'give-up', retryInMs: 57_000 });
    // Further crashes while giving up do not extend the wait.
    expect(p.onCrash(30_000)).toEqual({ action: 'give-up', retryInMs: 30_000 });
  });

  it('forgets crashes older than the period, so a screen that crashes rarely always comes back', () => {
    const p = new RestartPolicy(limits);
    for (let i = 0; i < 10; i++) {
      expect(p.onCrash(i * 61_000)).toEqual({ action: 'reload', delayMs: 1_000, attempt: 1 });
    }
  });

  it('allows a reload again once the oldest crash has left the period', () => {
    const p = new RestartPolicy(limits);
    p.onCrash(0);
    p.onCrash(1_000);
    p.onCrash(2_000);
    expect(p.onCrash(3_000).action).toBe('give-up');
    expect(p.onCrash(60_000)).toEqual({ action: 'reload', delayMs: 3_000, attempt: 3 });
    expect(p.recent(60_000)).toBe(3);
  });

  it('refuses limits that would loop forever or never restart', () => {
    expect(() => new RestartPolicy({ ...limits, maxRestarts: 0 })).toThrow();
    expect(() => new RestartPolicy({ ...limits, periodMs: 0 })).toThrow();
  });
});

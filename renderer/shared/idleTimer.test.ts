import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer, type IdleState } from './idleTimer.js';

describe('IdleTimer', () => {
  let states: IdleState[];
  let resets: number;
  let timer: IdleTimer;

  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
    resets = 0;
    timer = new IdleTimer({ idleSeconds: 60, countdownSeconds: 10, onChange: (s) => states.push(s), onIdle: () => resets++ });
  });
  afterEach(() => {
    timer.stop();
    vi.useRealTimers();
  });

  it('shows nothing for the first 50 seconds, then counts 10..1, then resets the kiosk once', () => {
    timer.start();
    vi.advanceTimersByTime(49_999);
    expect(states).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(states.at(-1)).toEqual({ phase: 'countdown', secondsLeft: 10 });
    vi.advanceTimersByTime(9_000);
    expect(states.at(-1)).toEqual({ phase: 'countdown', secondsLeft: 1 });
    expect(resets).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(resets).toBe(1);
    expect(states.at(-1)).toEqual({ phase: 'active' });
    expect(states.filter((s) => s.phase === 'countdown').map((s) => (s.phase === 'countdown' ? s.secondsLeft : 0))).toEqual([
      10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
    vi.advanceTimersByTime(120_000);
    expect(resets).toBe(1);
  });

  it('a touch during the countdown hides it and gives the visitor the full time again', () => {
    timer.start();
    vi.advanceTimersByTime(55_000);
    expect(states.at(-1)).toEqual({ phase: 'countdown', secondsLeft: 5 });
    timer.touch();
    expect(states.at(-1)).toEqual({ phase: 'active' });
    vi.advanceTimersByTime(49_000);
    expect(states.at(-1)).toEqual({ phase: 'active' });
    expect(resets).toBe(0);
    vi.advanceTimersByTime(11_000);
    expect(resets).toBe(1);
  });

  it('touches before the countdown keep postponing the reset', () => {
    timer.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(40_000);
      timer.touch();
    }
    expect(resets).toBe(0);
    expect(states).toEqual([]);
  });

  it('stop() cancels a pending reset', () => {
    timer.start();
    vi.advanceTimersByTime(58_000);
    timer.stop();
    vi.advanceTimersByTime(60_000);
    expect(resets).toBe(0);
    expect(states.at(-1)).toEqual({ phase: 'active' });
  });

  it('a countdown longer than the idle time is shortened so the visitor still gets a second of quiet', () => {
    const short = new IdleTimer({ idleSeconds: 5, countdownSeconds: 10, onChange: (s) => states.push(s), onIdle: () => resets++ });
    short.start();
    vi.advanceTimersByTime(1_000);
    expect(states.at(-1)).toEqual({ phase: 'countdown', secondsLeft: 4 });
    vi.advanceTimersByTime(4_000);
    expect(resets).toBe(1);
  });
});

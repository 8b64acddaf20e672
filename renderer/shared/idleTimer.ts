/** What the idle overlay should show. */
export type IdleState = { phase: 'active' } | { phase: 'countdown'; secondsLeft: number };

export interface IdleTimerOptions {
  idleSeconds: number;
  /** The last this-many seconds before the reset show a countdown. */
  countdownSeconds: number;
  onChange: (state: IdleState) => void;
  /** Called once when the time runs out; the timer then stops until `touch()` or `start()`. */
  onIdle: () => void;
}

/**
 * Counts down from the last touch: `active` until `idleSeconds - countdownSeconds`, then a
 * per-second countdown, then `onIdle`. Driven only by setTimeout, so fake timers test it.
 */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private state: IdleState = { phase: 'active' };
  private readonly countdown: number;

  constructor(private readonly opts: IdleTimerOptions) {
    this.countdown = Math.max(0, Math.min(opts.countdownSeconds, opts.idleSeconds - 1));
  }

  /** Starts (or restarts) counting from now. */
  start(): void {
    this.clear();
    this.set({ phase: 'active' });
    this.timer = setTimeout(() => this.tick(this.countdown), (this.opts.idleSeconds - this.countdown) * 1000);
  }

  /** Somebody touched the screen. */
  touch(): void {
    this.start();
  }

  stop(): void {
    this.clear();
    this.set({ phase: 'active' });
  }

  private tick(secondsLeft: number): void {
    if (secondsLeft <= 0) {
      this.timer = undefined;
      this.set({ phase: 'active' });
      this.opts.onIdle();
      return;
    }
    this.set({ phase: 'countdown', secondsLeft });
    this.timer = setTimeout(() => this.tick(secondsLeft - 1), 1000);
  }

  private set(next: IdleState): void {
    const same =
      next.phase === this.state.phase && (next.phase === 'active' || (this.state.phase === 'countdown' && this.state.secondsLeft === next.secondsLeft));
    this.state = next;
    if (!same) this.opts.onChange(next);
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

import { ServerError, type ServerErrorCode } from '../../core/contract/index.js';
import type { AttemptLimitsConfig } from '../config.js';

/** Failed attempts per key (a login, a client address) within a sliding window, in this process's memory. */
class FailureWindow {
  private readonly failures = new Map<string, number[]>();
  private sweptAt = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    if (this.max === 0) return 0;
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent.length < this.max ? 0 : recent[recent.length - this.max]! + this.windowMs - now;
  }

  add(key: string, at: number): void {
    if (this.max === 0) return;
    if (at - this.sweptAt > this.windowMs) {
      // Forget keys that have not failed lately, so guessed logins and passing addresses do not pile up.
      for (const [k, times] of this.failures) if ((times.at(-1) ?? 0) <= at - this.windowMs) this.failures.delete(k);
      this.sweptAt = at;
    }
    this.failures.set(key, [...(this.failures.get(key) ?? []), at]);
  }

  remove(key: string, at: number): void {
    const times = this.failures.get(key) ?? [];
    const i = times.indexOf(at);
    if (i >= 0) times.splice(i, 1);
    if (times.length === 0) this.failures.delete(key);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

const refusedWith = (...codes: ServerErrorCode[]) => (err: unknown) => err instanceof ServerError && codes.includes(err.code);
const loginRefused = refusedWith('LOGIN_FAILED');
// A used or expired code was guessed right but is no use; counting it too keeps the rule simple.
const codeRefused = refusedWith('ENROLL_CODE_INVALID', 'ENROLL_CODE_EXPIRED', 'ENROLL_CODE_USED', 'TERMINAL_DISABLED');

/** Bounds on guessing staff passwords and enrollment codes (server/README.md, "Security: guessing limits"). */
export class AttemptLimits {
  private readonly logins: FailureWindow;
  private readonly loginAddresses: FailureWindow;
  private readonly enrollAddresses: FailureWindow;

  constructor(
    config: AttemptLimitsConfig,
    private readonly now: () => number,
  ) {
    this.logins = new FailureWindow(config.loginPerLogin, config.windowMs);
    this.loginAddresses = new FailureWindow(config.loginPerAddress, config.windowMs);
    this.enrollAddresses = new FailureWindow(config.enrollPerAddress, config.windowMs);
  }

  /** A success forgets the login's failures; the address's stay, so one good account cannot reset a spray. */
  async staffLogin<T>(login: string, address: string, attempt: () => Promise<T>): Promise<T> {
    const out = await this.guarded([[this.logins, login], [this.loginAddresses, address]], attempt, loginRefused);
    this.logins.clear(login);
    return out;
  }

  enroll<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    return this.guarded([[this.enrollAddresses, address]], attempt, codeRefused);
  }

  /** Refused before `attempt` runs; an attempt counts as failed while in flight, so parallel guesses cannot slip past. */
  private async guarded<T>(keys: [FailureWindow, string][], attempt: () => Promise<T>, failed: (err: unknown) => boolean): Promise<T> {
    const now = this.now();
    const waitMs = Math.max(0, ...keys.map(([w, key]) => w.waitMs(key, now)));
    if (waitMs > 0) throw new ServerError('TOO_MANY_ATTEMPTS', undefined, Math.ceil(waitMs / 1000));
    for (const [w, key] of keys) w.add(key, now);
    const notAFailure = () => keys.forEach(([w, key]) => w.remove(key, now));
    try {
      const out = await attempt();
      notAFailure();
      return out;
    } catch (err) {
      if (!failed(err)) notAFailure();
      throw err;
    }
  }
}

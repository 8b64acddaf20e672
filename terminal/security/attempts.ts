import { createHash } from 'node:crypto';
import { attemptWaitMs, rememberMs, retryAfterMinutes, retryAfterSeconds, type AttemptKey } from '../../core/common/attempt-rule.js';
import { AppError } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';

export type { AttemptKey } from '../../core/common/attempt-rule.js';

const keyHash = (k: { kind: string; key: string }) => createHash('sha256').update(`${k.kind}\0${k.key}`).digest('hex');

/** AppError TOO_MANY_ATTEMPTS for a wait: its message says the minutes, Retry-After the seconds. */
export function tooManyAttempts(waitMs: number): AppError {
  const seconds = retryAfterSeconds(waitMs);
  return new AppError('TOO_MANY_ATTEMPTS', { minutes: retryAfterMinutes(seconds), seconds });
}

/**
 * Bounds on guessing at this terminal (appointment codes, phone look-ups, tracking codes): failures
 * are rows of attempt_failures in the terminal's SQLite, so a restart does not forget them.
 */
export class TerminalAttempts {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `attempt` unless a key is over its rule (then AppError TOO_MANY_ATTEMPTS, and `attempt` never
   * runs). The try counts as a failure of every key while it runs, so parallel guesses cannot slip
   * past; it stops counting once it ends in anything `failed` does not call one. A success erases
   * nothing else: use `forget` for that.
   */
  async guard<T>(keys: AttemptKey[], attempt: () => Promise<T>, failed: (err: unknown) => boolean): Promise<T> {
    const ids = this.claim(keys.filter((k) => k.rule.max > 0));
    const notAFailure = () => {
      const del = this.db.prepare('DELETE FROM attempt_failures WHERE id = ?');
      for (const id of ids) del.run(id);
    };
    try {
      const out = await attempt();
      notAFailure();
      return out;
    } catch (err) {
      if (!failed(err)) notAFailure();
      throw err;
    }
  }

  /** Forgets every failure of one key. */
  forget(kind: string, key: string): void {
    this.db.prepare('DELETE FROM attempt_failures WHERE kind = ? AND key_hash = ?').run(kind, keyHash({ kind, key }));
  }

  /** Checks every key and, if none is over, writes the running try as a failure of each, in one transaction. */
  private claim(keys: AttemptKey[]): number[] {
    if (keys.length === 0) return [];
    const now = this.now();
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM attempt_failures WHERE forget_at <= ?').run(now);
      const times = this.db.prepare<[string, string], { failed_at: number }>('SELECT failed_at FROM attempt_failures WHERE kind = ? AND key_hash = ?');
      const hashed = keys.map((k) => ({ ...k, hash: keyHash(k) }));
      const waitMs = Math.max(0, ...hashed.map((k) => attemptWaitMs(times.all(k.kind, k.hash).map((r) => r.failed_at), k.rule, now)));
      if (waitMs > 0) throw tooManyAttempts(waitMs);
      const insert = this.db.prepare('INSERT INTO attempt_failures (kind, key_hash, failed_at, forget_at) VALUES (?, ?, ?, ?)');
      return hashed.map((k) => Number(insert.run(k.kind, k.hash, now, now + rememberMs(k.rule)).lastInsertRowid));
    }).immediate();
  }
}

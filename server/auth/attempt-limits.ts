import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { attemptWaitMs, rememberMs, retryAfterSeconds, type AttemptKey } from '../../core/common/attempt-rule.js';
import { ServerError, type ServerErrorCode } from '../../core/contract/index.js';
import type { AttemptLimitsConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';

export type { AttemptKey } from '../../core/common/attempt-rule.js';

const refusedWith = (...codes: ServerErrorCode[]) => (err: unknown) => err instanceof ServerError && codes.includes(err.code);
const loginRefused = refusedWith('LOGIN_FAILED');
// A used or expired code was guessed right but is no use; counting it too keeps the rule simple.
const codeRefused = refusedWith('ENROLL_CODE_INVALID', 'ENROLL_CODE_EXPIRED', 'ENROLL_CODE_USED', 'TERMINAL_DISABLED');

const tokenRefused = refusedWith('INTEGRATION_UNAUTHORIZED');

const keyHash = (k: { kind: string; key: string }) => createHash('sha256').update(`${k.kind}\0${k.key}`).digest('hex');
const SWEEP_EVERY_MS = 60_000;

/**
 * Bounds on guessing (server/README.md, "Security: guessing limits"). Failures are rows of
 * attempt_failures, so every server instance on the database and every restart sees them.
 */
export class AttemptLimits {
  private sweptAt = 0;

  constructor(
    private readonly db: ServerDb,
    private readonly config: AttemptLimitsConfig,
    private readonly now: () => number,
  ) {}

  /**
   * Counted per login and address together, so wrong passwords from elsewhere never lock a clerk out
   * at their own counter, and per address (looser) against a spray over many logins. A success forgets
   * its login-and-address failures; the address's stay, so one good account cannot reset a spray.
   */
  async staffLogin<T>(login: string, address: string, attempt: () => Promise<T>): Promise<T> {
    const { windowMs, loginPerLoginAddress, loginPerAddress } = this.config;
    const pair = `${login}\0${address}`;
    const out = await this.guard(
      [
        { kind: 'login', key: pair, rule: { max: loginPerLoginAddress, windowMs } },
        { kind: 'login-address', key: address, rule: { max: loginPerAddress, windowMs } },
      ],
      attempt,
      loginRefused,
    );
    await this.forget('login', pair);
    return out;
  }

  /** Wrong integration tokens per address: the business systems' token cannot be guessed at leisure. */
  integration<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    const { windowMs, integrationPerAddress } = this.config;
    return this.guard([{ kind: 'integration-address', key: address, rule: { max: integrationPerAddress, windowMs } }], attempt, tokenRefused);
  }

  enroll<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    const { windowMs, enrollPerAddress } = this.config;
    return this.guard([{ kind: 'enroll-address', key: address, rule: { max: enrollPerAddress, windowMs } }], attempt, codeRefused);
  }

  /**
   * Runs `attempt` unless a key is over its rule (then TOO_MANY_ATTEMPTS with the seconds to wait,
   * and `attempt` never runs). The try counts as a failure of every key while it runs, so parallel
   * guesses cannot slip past; it stops counting once it ends in anything `failed` does not call one.
   * A success erases nothing else: use `forget` for that.
   */
  async guard<T>(keys: AttemptKey[], attempt: () => Promise<T>, failed: (err: unknown) => boolean): Promise<T> {
    const ids = await this.claim(keys.filter((k) => k.rule.max > 0));
    const notAFailure = () => (ids.length ? this.db.deleteFrom('attempt_failures').where('id', 'in', ids).execute() : undefined);
    try {
      const out = await attempt();
      await notAFailure();
      return out;
    } catch (err) {
      if (!failed(err)) await notAFailure();
      throw err;
    }
  }

  /** Forgets every failure of one key (e.g. a login that has just signed in). */
  async forget(kind: string, key: string): Promise<void> {
    await this.db.deleteFrom('attempt_failures').where('kind', '=', kind).where('key_hash', '=', keyHash({ kind, key })).execute();
  }

  /** Checks every key and, if none is over, writes the running try as a failure of each; one transaction, locked per key. */
  private async claim(keys: AttemptKey[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const now = this.now();
    await this.sweep(now);
    const hashed = keys.map((k) => ({ ...k, hash: keyHash(k) })).sort((a, b) => (a.hash < b.hash ? -1 : 1));
    return this.db.transaction().execute(async (tx) => {
      for (const k of hashed) await sql`SELECT pg_advisory_xact_lock(hashtext(${`attempt:${k.hash}`}))`.execute(tx);
      let waitMs = 0;
      for (const k of hashed) {
        const rows = await tx.selectFrom('attempt_failures').select('failed_at').where('kind', '=', k.kind).where('key_hash', '=', k.hash).execute();
        waitMs = Math.max(waitMs, attemptWaitMs(rows.map((r) => r.failed_at.getTime()), k.rule, now));
      }
      if (waitMs > 0) throw new ServerError('TOO_MANY_ATTEMPTS', undefined, retryAfterSeconds(waitMs));
      const rows = hashed.map((k) => ({ id: randomUUID(), kind: k.kind, key_hash: k.hash, failed_at: new Date(now), forget_at: new Date(now + rememberMs(k.rule)) }));
      await tx.insertInto('attempt_failures').values(rows).execute();
      return rows.map((r) => r.id);
    });
  }

  /** Drops failures no rule needs any more, now and then, so passing addresses and guessed keys do not pile up. */
  private async sweep(now: number): Promise<void> {
    if (now - this.sweptAt < SWEEP_EVERY_MS && now >= this.sweptAt) return;
    this.sweptAt = now;
    await this.db.deleteFrom('attempt_failures').where('forget_at', '<=', new Date(now)).execute();
  }
}

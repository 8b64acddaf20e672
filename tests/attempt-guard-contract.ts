import { expect, it } from 'vitest';
import type { AttemptKey, AttemptRule } from '../core/common/attempt-rule.js';

/** What the server's AttemptLimits and the terminal's TerminalAttempts both promise of `guard`. */
export interface Guard {
  guard<T>(keys: AttemptKey[], attempt: () => Promise<T>, failed: (err: unknown) => boolean): Promise<T>;
  forget(kind: string, key: string): Promise<void> | void;
}

const RULE: AttemptRule = { max: 3, windowMs: 10 * 60_000 };
const WRONG = new Error('wrong');
const isWrong = (err: unknown) => err === WRONG;
const key = (k: string): AttemptKey => ({ kind: 'contract', key: k, rule: RULE });
const outcome = (p: Promise<unknown>) => p.catch((e: unknown) => e);

/** The shared tests, registered inside each store's describe; `refused` tells that store's TOO_MANY_ATTEMPTS. */
export function guardContract(limits: () => Guard, refused: (err: unknown) => boolean): void {
  const fail = (l: Guard, keys: AttemptKey[]) => outcome(l.guard(keys, () => Promise.reject(WRONG), isWrong));

  it('counts tries still running, so parallel guesses cannot slip past', async () => {
    const l = limits();
    const release: (() => void)[] = [];
    const running = () => new Promise<never>((_, reject) => release.push(() => reject(WRONG)));
    const tries = Array.from({ length: 6 }, () => outcome(l.guard([key('parallel')], running, isWrong)));
    await expect.poll(() => release.length).toBe(3);
    release.forEach((r) => r());
    const outcomes = await Promise.all(tries);
    expect(outcomes.filter((o) => o === WRONG)).toHaveLength(3);
    expect(outcomes.filter(refused)).toHaveLength(3);
  });

  it('does not count a try that ends otherwise than in a failure; a success erases no failure; forget does', async () => {
    const l = limits();
    await fail(l, [key('c')]);
    await fail(l, [key('c')]);
    for (let i = 0; i < 5; i++) await l.guard([key('c'), key('d')], async () => 'ok', isWrong);
    await expect(l.guard([key('c')], () => Promise.reject(new Error('not a guess')), isWrong)).rejects.toThrow('not a guess');
    await fail(l, [key('c')]);
    expect(refused(await outcome(l.guard([key('c')], async () => 'ok', isWrong)))).toBe(true);
    // d only ever succeeded, and c's refusal wrote nothing against it.
    for (let i = 0; i < 2; i++) await fail(l, [key('d')]);
    expect(await l.guard([key('d')], async () => 'ok', isWrong)).toBe('ok');
    await l.forget('contract', 'c');
    expect(await l.guard([key('c')], async () => 'ok', isWrong)).toBe('ok');
  });
}

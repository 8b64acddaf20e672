import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttemptRule } from '../../core/common/attempt-rule.js';
import { AppError, errorMessage } from '../../core/contract/index.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { TerminalAttempts, type AttemptKey } from './attempts.js';

const RULE: AttemptRule = { max: 3, windowMs: 10 * 60_000 };
const WRONG = new Error('wrong');
const isWrong = (err: unknown) => err === WRONG;
const key = (k: string, rule = RULE): AttemptKey => ({ kind: 'test', key: k, rule });
const outcome = (p: Promise<unknown>) => p.catch((e: unknown) => e);

describe('TerminalAttempts.guard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attempts-'));
  const file = join(dir, 'terminal.sqlite');
  let db: Db = openDatabase(file);
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const limits = () => new TerminalAttempts(db, () => clock);
  const fail = (l: TerminalAttempts, keys: AttemptKey[]) => outcome(l.guard(keys, () => Promise.reject(WRONG), isWrong));
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses once a key is over its rule, without running the attempt, in minutes the visitor can read', async () => {
    const l = limits();
    for (let i = 0; i < 3; i++) expect(await fail(l, [key('a')])).toBe(WRONG);
    clock += 60_000;
    let ran = false;
    const err = await outcome(l.guard([key('a')], async () => (ran = true), isWrong));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('TOO_MANY_ATTEMPTS');
    expect((err as AppError).params).toEqual({ minutes: 9, seconds: 540 });
    expect(errorMessage('TOO_MANY_ATTEMPTS', 'zh-CN', (err as AppError).params)).toBe('尝试失败次数过多，请 9 分钟后再试。');
    expect(ran).toBe(false);
    expect(await l.guard([key('b')], async () => 'ok', isWrong)).toBe('ok');
  });

  it('counts tries still running, so parallel guesses cannot slip past', async () => {
    const l = limits();
    const release: (() => void)[] = [];
    const running = () => new Promise<never>((_, reject) => release.push(() => reject(WRONG)));
    const tries = Array.from({ length: 6 }, () => outcome(l.guard([key('parallel')], running, isWrong)));
    await expect.poll(() => release.length).toBe(3);
    release.forEach((r) => r());
    const outcomes = await Promise.all(tries);
    expect(outcomes.filter((o) => o === WRONG)).toHaveLength(3);
    expect(outcomes.filter((o) => o instanceof AppError && o.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
  });

  it('does not count a try that ends otherwise than in a failure; a success erases no failure', async () => {
    const l = limits();
    await fail(l, [key('c')]);
    await fail(l, [key('c')]);
    for (let i = 0; i < 5; i++) await l.guard([key('c'), key('d')], async () => 'ok', isWrong);
    await expect(l.guard([key('c')], () => Promise.reject(new Error('not a guess')), isWrong)).rejects.toThrow('not a guess');
    await fail(l, [key('c')]);
    expect(await outcome(l.guard([key('c')], async () => 'ok', isWrong))).toBeInstanceOf(AppError);
    for (let i = 0; i < 2; i++) await fail(l, [key('d')]);
    expect(await l.guard([key('d')], async () => 'ok', isWrong)).toBe('ok');
    l.forget('test', 'c');
    expect(await l.guard([key('c')], async () => 'ok', isWrong)).toBe('ok');
  });

  it('keeps failures across a restart on the same file, and stores no key as typed', async () => {
    const rule: AttemptRule = { max: 2, windowMs: 3_600_000, backoff: { firstMs: 60_000, maxMs: 3_600_000 } };
    for (let i = 0; i < 2; i++) await fail(limits(), [key('AB12-CD34', rule)]);
    clock += 60_000;
    expect(await fail(limits(), [key('AB12-CD34', rule)])).toBe(WRONG);
    db.close();
    db = openDatabase(file);
    clock += 30_000;
    const err = await outcome(limits().guard([key('AB12-CD34', rule)], async () => 'ok', isWrong));
    expect((err as AppError).params.seconds).toBe(90);
    expect(JSON.stringify(db.prepare('SELECT * FROM attempt_failures').all())).not.toContain('AB12');
    clock += 90_000;
    expect(await limits().guard([key('AB12-CD34', rule)], async () => 'ok', isWrong)).toBe('ok');
  });
});

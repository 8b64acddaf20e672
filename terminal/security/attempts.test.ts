import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttemptRule } from '../../core/common/attempt-rule.js';
import { AppError, errorMessage } from '../../core/contract/index.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { guardContract } from '../../tests/attempt-guard-contract.js';
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

  guardContract(limits, (e) => e instanceof AppError && e.code === 'TOO_MANY_ATTEMPTS');

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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRule } from '../../core/common/attempt-rule.js';
import { ServerError } from '../../core/contract/index.js';
import { loadServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { backends, type SharedDb } from '../test-db.js';
import { guardContract } from '../../tests/attempt-guard-contract.js';
import { AttemptLimits, type AttemptKey } from './attempt-limits.js';

const RULE: AttemptRule = { max: 3, windowMs: 10 * 60_000 };
const WRONG = new Error('wrong');
const isWrong = (err: unknown) => err === WRONG;
const key = (k: string, rule = RULE): AttemptKey => ({ kind: 'test', key: k, rule });

async function refusal(p: Promise<unknown>): Promise<ServerError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServerError);
  return err as ServerError;
}

describe.each(backends)('AttemptLimits.guard on $name', (backend) => {
  let shared: SharedDb;
  let db: ServerDb;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const limits = () => new AttemptLimits(db, loadServerConfig({}).attemptLimits, () => clock);

  beforeAll(async () => {
    shared = await backend.openShared();
    db = await shared.connect();
  });
  afterAll(async () => {
    await db?.destroy();
    await shared?.cleanup();
  });

  const fail = (l: AttemptLimits, keys: AttemptKey[]) => l.guard(keys, () => Promise.reject(WRONG), isWrong).catch((e: unknown) => e);

  it('refuses once a key is over its rule, without running the attempt, and says how long to wait', async () => {
    const l = limits();
    for (let i = 0; i < 3; i++) expect(await fail(l, [key('a')])).toBe(WRONG);
    clock += 60_000;
    let ran = false;
    const err = await refusal(l.guard([key('a')], async () => (ran = true), isWrong));
    expect(err.code).toBe('TOO_MANY_ATTEMPTS');
    expect(err.retryAfterSeconds).toBe(9 * 60);
    expect(ran).toBe(false);
    expect(await l.guard([key('b')], async () => 'ok', isWrong)).toBe('ok');
  });

  guardContract(limits, (e) => e instanceof ServerError && e.code === 'TOO_MANY_ATTEMPTS');

  it('keeps failures across a restart on the same database, and forgets them once the rule no longer needs them', async () => {
    const rule: AttemptRule = { max: 2, windowMs: 60_000, lockMs: 30 * 60_000 };
    for (let i = 0; i < 2; i++) await fail(limits(), [key('restart', rule)]);
    await db.destroy();
    db = await shared.connect();
    clock += 5 * 60_000;
    const err = await refusal(limits().guard([key('restart', rule)], async () => 'ok', isWrong));
    expect(err.retryAfterSeconds).toBe(25 * 60);
    clock += 25 * 60_000;
    expect(await limits().guard([key('restart', rule)], async () => 'ok', isWrong)).toBe('ok');
    clock += 60 * 60_000;
    await limits().guard([key('sweep')], async () => 'ok', isWrong);
    expect(await db.selectFrom('attempt_failures').select('id').where('forget_at', '<=', new Date(clock)).execute()).toEqual([]);
  });

  it('forgets one key on request and leaves the others', async () => {
    const l = limits();
    for (let i = 0; i < 3; i++) await fail(l, [key('e'), key('f')]);
    await l.forget('test', 'e');
    expect(await l.guard([key('e')], async () => 'ok', isWrong)).toBe('ok');
    expect((await refusal(l.guard([key('f')], async () => 'ok', isWrong))).code).toBe('TOO_MANY_ATTEMPTS');
  });
});

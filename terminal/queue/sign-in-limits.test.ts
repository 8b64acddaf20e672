import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { restartableTerminal } from '../test-restartable.js';
import { putTestStaff, TEST_PASSWORD } from '../test-staff.js';

/** Issue 11 §2: someone at a counter PC guesses a clerk's password; the count is the terminal's own, kept across a restart. */
let clock = Date.parse('2026-03-10T01:30:00Z');
const t = restartableTerminal('hall-signin-limit-', () => clock);

const login = async (who: string, password: string, counterNo = 1) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/counter/login',
    headers: { host: '127.0.0.1', 'accept-language': 'en', 'content-type': 'application/json' },
    payload: JSON.stringify({ login: who, password, counterNo, supervisor: null }),
  });
  return { status: res.statusCode, json: res.json(), retryAfter: res.headers['retry-after'] };
};

beforeAll(async () => {
  await t.start();
  putTestStaff(t.db, [
    ['wang.fang', '王芳', '0101'],
    ['li.na', '李娜', '0102'],
  ]);
});
afterAll(t.cleanup);

describe('guessing a clerk’s password at an offline counter', () => {
  it('refuses the login after five wrong passwords, even with the right one, and says for how long; a restart forgets nothing', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wang.fang', `wrong-password-${i}`)).json.error.code).toBe('WRONG_CREDENTIALS');
    const locked = await login('wang.fang', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: ERROR_MESSAGES.en.TOO_MANY_ATTEMPTS.replace('{{minutes}}', '15') });
    expect(Number(locked.retryAfter)).toBe(15 * 60);

    await t.restart();
    expect((await login('wang.fang', TEST_PASSWORD)).status).toBe(429);
  });

  it('does not lock another clerk out of this counter, and lets the clerk in once the window has passed', async () => {
    expect((await login('li.na', TEST_PASSWORD, 2)).status).toBe(200);
    clock += 15 * 60_000 + 1_000;
    expect((await login('wang.fang', TEST_PASSWORD)).status).toBe(200);
  });
});

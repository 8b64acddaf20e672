import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/contract/index.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { putTestStaff, TEST_PASSWORD as PASSWORD } from '../../terminal/test-staff.js';
import { launchChromium } from './browser.js';

// The counter's sign-in in Chromium against a real terminal service (offline): a counter another
// clerk holds is refused in words, and a supervisor's override, which only the central server can
// check (tests/e2e/queue-conflicts.test.ts hands a counter over with it), says that it needs the server.

let svc: RunningService;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService({ ROLE: 'counter' });
  putTestStaff(svc.db, [
    ['wang.fang', '王芳', '0101'],
    ['li.na', '李娜', '0102'],
    ['zhao.min', '赵敏', '0900', 'supervisor'],
  ]);
  // wang.fang is at counter 1 (signed in from another window of this PC).
  const res = await fetch(`${svc.url}/api/counter/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'wang.fang', password: PASSWORD, counterNo: 1 }) });
  expect(res.status).toBe(200);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${svc.url}/counter`);
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

const text = (id: string) => page.getByTestId(id).first().textContent();
const visible = (id: string) => page.getByTestId(id).first().isVisible();

async function fill(login: string, counterNo: number) {
  await page.getByTestId('login-user').fill(login);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-counter').fill(String(counterNo));
}

describe('counter sign-in in Chromium', () => {
  it('refuses a counter another clerk holds, in words, and offers a supervisor’s override', async () => {
    await fill('li.na', 1);
    expect(await visible('supervisor-override')).toBe(false);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => text('login-error')).toBe(ERROR_MESSAGES['zh-CN'].COUNTER_IN_USE);
    expect(await visible('supervisor-override')).toBe(true);
    expect(await text('login-submit')).toBe('主管确认后接管窗口');
    // Until a supervisor fills in both fields, there is nothing to send.
    expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
  });

  it('offline, a supervisor’s override says it needs the central server, and signs no one in', async () => {
    await page.getByTestId('supervisor-login').fill('zhao.min');
    await page.getByTestId('supervisor-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => text('login-error')).toBe(ERROR_MESSAGES['zh-CN'].OVERRIDE_NEEDS_SERVER);
    expect(await visible('current-panel')).toBe(false);
  });

  it('refuses a login already signed in at another counter', async () => {
    const other = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await other.goto(`${svc.url}/counter`);
    await other.getByTestId('login-user').fill('wang.fang');
    await other.getByTestId('login-password').fill(PASSWORD);
    await other.getByTestId('login-counter').fill('2');
    await other.getByTestId('login-submit').click();
    await expect.poll(() => other.getByTestId('login-error').textContent()).toBe(ERROR_MESSAGES['zh-CN'].SIGNED_IN_ELSEWHERE);
    expect(await other.getByTestId('supervisor-override').isVisible()).toBe(false);
    await other.close();
  });
});

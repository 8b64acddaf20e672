import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/db/test-db.js';
import { putStaff } from '../../core/queue/reference.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium } from './browser.js';

// The counter screen in Chromium against a real terminal service that has never reached a central
// server: the clerk works offline, tickets carry the terminal prefix (K-). The tests run in order,
// one clerk's morning: each step starts from where the previous one left the queue.

const PASSWORD = 'correct horse battery';

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

let svc: RunningService;
let browser: Browser;
let page: Page;
const printerDir = tempDir('hall-counter-printer-');

async function takeTicket(service: string, print = false): Promise<string> {
  const res = await fetch(`${svc.url}/api/queue/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ service, lang: 'zh-CN', print }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ticket: { number: string } }).ticket.number;
}

const text = (id: string) => page.getByTestId(id).first().textContent();
const visible = (id: string) => page.getByTestId(id).first().isVisible();
const numbers = (id: string) => page.getByTestId(id).evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

async function signIn(login: string, counterNo: number) {
  await page.getByTestId('login-user').fill(login);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-counter').fill(String(counterNo));
  await page.getByTestId('login-submit').click();
  await expect.poll(() => visible('current-panel')).toBe(true);
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  // The file printer writes to an existing device or file only, like /dev/usb/lp0.
  writeFileSync(printerDir.file('slips.bin'), '');
  svc = await startTestService({ ROLE: 'counter', PRINTER: `file:${printerDir.file('slips.bin')}` });
  for (const [login, name, number] of [['wang.fang', '王芳', '0101'], ['li.na', '李娜', '0102']] as const) {
    putStaff(svc.db, { login, name, number, role: 'clerk', passwordHash: scryptHash(PASSWORD), disabled: false });
  }
  await takeTicket('A');
  await takeTicket('A');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${svc.url}/counter`);
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
  printerDir.cleanup();
});

describe('counter screen in Chromium', () => {
  it('refuses a wrong password with the service’s message', async () => {
    await page.getByTestId('login-user').fill('wang.fang');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-counter').fill('1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => text('login-error')).toBe('工号或密码不正确。');
  });

  it('signs in and shows the lines with AB roles, the waiting tickets, the offline banner, and line names in the chosen language', async () => {
    await signIn('wang.fang', 1);
    expect(await text('counter-no')).toBe('1 号窗口');
    expect(await text('counter-staff')).toContain('王芳');
    const lineA = page.locator('[data-testid="line"][data-line="A"]');
    expect(await lineA.getAttribute('data-role')).toBe('A');
    expect(await lineA.getAttribute('data-active')).toBe('true');
    await expect.poll(() => lineA.getByTestId('waiting-ticket').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).toEqual(['K-A001', 'K-A002']);
    expect(await lineA.getByTestId('line-waiting-count').textContent()).toBe('等候 2 人');
    await expect.poll(() => text('offline-banner')).toBe('中心服务器连接中断：叫号记录在本机，恢复后自动上传');
    expect(await page.getByTestId('action-call-next').textContent()).toContain('F2');
    await page.getByTestId('counter-lang').selectOption('en');
    await expect.poll(() => lineA.getByTestId('line-name').textContent()).toBe('Foreign trade');
    await page.getByTestId('counter-lang').selectOption('zh-CN');
    // Letters typed into a focused menu would not reach the transfer chooser later on.
    await page.getByTestId('counter-lang').blur();
    await expect.poll(() => lineA.getByTestId('line-name').textContent()).toBe('对外贸易');
  });

  it('calls next, recalls, parks and calls back, finishes: all from the keyboard but the call-back', async () => {
    await page.keyboard.press('F2');
    await expect.poll(() => text('current-number')).toBe('K-A001');
    expect(await text('action-notice')).toBe('已呼叫 K-A001。');
    await page.keyboard.press('F3');
    await expect.poll(() => text('current-call-count')).toBe('已呼叫 2 次');
    await page.keyboard.press('F7');
    await expect.poll(() => numbers('parked-ticket')).toEqual(['K-A001']);
    await expect.poll(() => visible('current-empty')).toBe(true);
    await page.getByTestId('parked-call').click();
    await expect.poll(() => text('current-number')).toBe('K-A001');
    await page.keyboard.press('F8');
    await expect.poll(() => text('action-notice')).toBe('K-A001 已办结。');
    // The notice comes with the action's answer; the panel follows with the refetched queue.
    await expect.poll(() => visible('current-empty')).toBe(true);
    expect(await numbers('parked-ticket')).toEqual([]);
  });

  it('stays signed in with the same ticket after a reload', async () => {
    await page.keyboard.press('F2');
    await expect.poll(() => text('current-number')).toBe('K-A002');
    await page.reload();
    await expect.poll(() => text('current-number')).toBe('K-A002');
    expect(await text('counter-no')).toBe('1 号窗口');
  });

  it('will not call the next visitor while one is being served: F2 says what to do first', async () => {
    const waitingBefore = await numbers('waiting-ticket');
    expect(await page.getByTestId('action-call-next').isDisabled()).toBe(true);
    expect(await text('call-next-blocked')).toBe('叫下一位之前，请先办结、过号、暂挂或转移 K-A002。');
    await page.keyboard.press('F2');
    await expect.poll(() => text('action-notice')).toBe('K-A002 还在办理中：请先办结（F8）、过号（F6）、暂挂（F7）或转移（F4），再叫下一位。');
    expect(await text('current-number')).toBe('K-A002');
    expect(await numbers('waiting-ticket')).toEqual(waitingBefore);
  });

  it('transfers by line letter and calls a number typed in that this terminal never issued', async () => {
    await page.keyboard.press('F4');
    await expect.poll(() => visible('transfer-chooser')).toBe(true);
    await page.keyboard.press('c');
    await expect.poll(() => text('action-notice')).toBe('K-A002 已转到 C 业务。');
    await expect.poll(() => visible('transfer-chooser')).toBe(false);
    // The counter is free again once the panel says nobody is being served.
    await expect.poll(() => visible('current-empty')).toBe(true);
    await page.keyboard.press('F10');
    await page.keyboard.type('t7-b004');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('current-number')).toBe('T7-B004');
    await expect.poll(() => text('action-notice')).toBe('已呼叫 T7-B004。');
    await page.keyboard.press('F6');
    await expect.poll(() => text('action-notice')).toBe('T7-B004 已过号。');
  });

  it('shows a ticket taken at the kiosk without a reload (live channel)', async () => {
    const number = await takeTicket('A');
    const lineA = page.locator('[data-testid="line"][data-line="A"]');
    await expect.poll(() => lineA.getByTestId('waiting-ticket').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).toEqual([number]);
  });

  it('steps away and back with F9, handing the A line to B meanwhile', async () => {
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('presence-state').getAttribute('data-state')).toBe('away');
    expect(await text('presence-hint')).toContain('交由B角窗口接办');
    await expect.poll(() => page.locator('[data-testid="line"][data-line="A"]').getByTestId('line-note').textContent()).toBe('您已暂离，本业务由B角窗口接办。');
    await expect.poll(() => page.getByTestId('action-call-next').isDisabled()).toBe(true);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('presence-state').getAttribute('data-state')).toBe('in');
  });

  it('marks a wrong phone next to its field, and says plainly that booking needs the central server', async () => {
    await page.getByTestId('side-tab-appointments').click();
    await page.getByTestId('appt-enterprise').fill('哈尔滨龙江进出口有限公司');
    await page.getByTestId('appt-contactPhone').fill('12345');
    await page.getByTestId('appt-matter').fill('技术进出口合同登记');
    await page.getByTestId('appt-service').selectOption('A');
    await page.getByTestId('appt-slot').selectOption('09:00-09:30');
    await page.getByTestId('appointment-submit').click();
    await expect.poll(() => text('appt-error-contactPhone')).toBe('请填写 11 位手机号或带区号的固定电话。');
    await page.getByTestId('appt-contactPhone').fill('13804511234');
    expect(await page.getByTestId('appt-error-contactPhone').count()).toBe(0);
    await page.getByTestId('appointment-submit').click();
    await expect.poll(() => text('appointment-error')).toBe('暂时连不上中心服务器，请稍后再试。');
    expect(await page.getByTestId('appointment-submit').isEnabled()).toBe(true);
    expect(await text('appointment-list')).toContain('今天还没有预约');
  });

  it('lists print jobs and reprints one', async () => {
    await takeTicket('B', true);
    await page.getByTestId('side-tab-print').click();
    await expect.poll(() => page.getByTestId('print-job').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await page.getByTestId('print-job').count()).toBe(1);
    await page.getByTestId('print-reprint').first().click();
    await expect.poll(() => page.getByTestId('print-job').count()).toBe(2);
    await expect.poll(() => page.getByTestId('print-job').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 15_000 }).toEqual(['done', 'done']);
  });

  it('returns to sign-in when the service no longer knows the token', async () => {
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hall.counter.session') ?? '{}') as { token?: string }).token);
    expect(token).toBeTruthy();
    const out = await fetch(`${svc.url}/api/counter/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(out.status).toBe(200);
    await page.keyboard.press('F2');
    await expect.poll(() => text('login-expired')).toBe('登录已失效，请重新登录。');
    expect(await page.evaluate(() => sessionStorage.getItem('hall.counter.session'))).toBeNull();
  });

  it('signs out at the end of the day', async () => {
    await signIn('li.na', 2);
    await page.getByTestId('signout').click();
    await page.getByTestId('signout-yes').click();
    await expect.poll(() => visible('login-form')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('hall.counter.session'))).toBeNull();
    expect(await page.getByTestId('login-counter').inputValue()).toBe('2');
  });
});

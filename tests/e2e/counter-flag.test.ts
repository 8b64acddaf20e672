import { randomBytes, scryptSync } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../core/contract/index.js';
import { hallDay } from '../../core/common/hall-time.js';
import { putStaff } from '../../core/queue/reference.js';
import { offlineTicket, putTicket } from '../../core/queue/tickets.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium, shot } from './browser.js';

// The counter screen in Chromium with appointment tickets the central server flagged (issue 10,
// finding 3): the clerk reads "checked in twice" or "cancelled" in the waiting list and on the
// ticket being served, in each language. Screenshots go to SCREENSHOT_DIR when it is set.

const PASSWORD = 'correct horse battery';
// The browser counts minutes waited by its own clock: the terminal's is pinned to the moment the test starts.
const NOW = Date.now();

let svc: RunningService;
let browser: Browser;

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
}

beforeAll(async () => {
  svc = await startTestService({ ROLE: 'counter' }, { now: () => new Date(NOW) });
  putStaff(svc.db, { login: 'wang.fang', name: '王芳', number: '0101', role: 'clerk', passwordHash: scryptHash(PASSWORD), disabled: false });
  const day = hallDay(NOW, 'Asia/Shanghai');
  const issued = (min: number) => new Date(NOW - min * 60_000).toISOString();
  // As the server pushed them: two flagged appointment tickets among walk-ins, by issue time.
  const tickets = [
    { ...offlineTicket({ id: '01JNQ0000000000000000000A1', hall: 'main', number: 'T3-A001', service: 'A', appointmentId: '01JNQ000000000000000000AP1', enterprise: '哈尔滨拍卖行有限公司', issuedAt: issued(30) }), appointmentFlag: 'checked-in-twice' as const },
    { ...offlineTicket({ id: '01JNQ0000000000000000000A2', hall: 'main', number: 'A004', service: 'A', appointmentId: null, enterprise: null, issuedAt: issued(20) }), offline: false },
    { ...offlineTicket({ id: '01JNQ0000000000000000000A3', hall: 'main', number: 'T3-A002', service: 'A', appointmentId: '01JNQ000000000000000000AP2', enterprise: '龙江对外贸易有限公司', issuedAt: issued(10) }), appointmentFlag: 'cancelled' as const },
  ];
  for (const t of tickets) putTicket(svc.db, t, day);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

const WORDS: Record<Lang, { twice: string; cancelled: string; note: string }> = {
  'zh-CN': { twice: '重复签到', cancelled: '预约已取消', note: '这个预约已用另一张号签到过。' },
  en: { twice: 'Checked in twice', cancelled: 'Appointment cancelled', note: 'This appointment was already checked in with another ticket.' },
  ru: { twice: 'Повторная отметка', cancelled: 'Запись отменена', note: 'По этой записи уже отметились с другим талоном.' },
};

async function counterPage(width: number, height: number, lang: Lang): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${svc.url}/counter`);
  await page.getByTestId('login-user').fill('wang.fang');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-counter').fill('1');
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('current-panel').isVisible()).toBe(true);
  await page.getByTestId('counter-lang').selectOption(lang);
  await page.getByTestId('counter-lang').blur();
  return page;
}

describe('flagged appointment tickets on the counter screen in Chromium', () => {
  it.each(Object.keys(WORDS) as Lang[])('the waiting list marks them in words (%s)', async (lang) => {
    const page = await counterPage(1920, 1080, lang);
    const rows = page.locator('[data-testid="line"][data-line="A"] [data-testid="waiting-ticket"]');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-number'), e.querySelector('[data-testid="appointment-flag"]')?.textContent ?? null]))).toEqual([
      ['T3-A001', WORDS[lang].twice],
      ['A004', null],
      ['T3-A002', WORDS[lang].cancelled],
    ]);
    await shot(page, `counter-flag-list-1920x1080-${lang}`);
    await page.close();
  });

  it('"next" serves the earliest issued, not promoted, and the current ticket warns the clerk in each language and at both sizes', async () => {
    const page = await counterPage(1920, 1080, 'zh-CN');
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe('T3-A001');
    for (const lang of Object.keys(WORDS) as Lang[]) {
      await page.getByTestId('counter-lang').selectOption(lang);
      await page.getByTestId('counter-lang').blur();
      for (const [width, height] of [[1920, 1080], [1080, 1920]] as const) {
        await page.setViewportSize({ width, height });
        await expect.poll(() => page.getByTestId('current-flag').textContent()).toContain(WORDS[lang].note);
        expect(await page.getByTestId('current-flag').isVisible()).toBe(true);
        await shot(page, `counter-flag-current-${width}x${height}-${lang}`);
      }
    }
    await page.close();
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../core/contract/queue.js';
import { tempDir } from '../../core/db/test-db.js';
import { putAppointment } from '../../core/queue/reference.js';
import { ROOT } from '../../terminal/config.js';
import { todaysAppointment } from '../../terminal/test-appointments.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium } from './browser.js';

// The kiosk's queue screens in Chromium against real terminal services that have never reached a
// central server (numbers carry the prefix K-): one without a printer, one printing to preview files.

let bare: RunningService;
let printing: RunningService;
const slips = tempDir('hall-slips-');
let browser: Browser;
let page: Page;
const POLL = { timeout: 15_000, interval: 100 };
/** Several page loads per test: room for a loaded CI machine (this bounds a hang; it asserts no speed). */
const SLOW = { timeout: 60_000 };

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  [bare, printing] = await Promise.all([startTestService(), startTestService({ PRINTER: `preview:${slips.dir}` })]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await bare?.stop();
  await printing?.stop();
  slips.cleanup();
});

function book(svc: RunningService, over: Partial<Appointment>): Appointment {
  const a = todaysAppointment(svc, { code: '000000', enterprise: '黑龙江龙江拍卖有限公司', phoneMasked: '138****8801', phoneLast4: '8801', matter: '拍卖企业从事拍卖业务许可', service: 'C', ...over });
  putAppointment(svc.db, a);
  return a;
}

async function open(svc: RunningService, path = '/kiosk', viewport = { width: 1080, height: 1920 }) {
  await page?.close();
  page = await browser.newPage({ viewport });
  await page.goto(svc.url + path);
}

const text = (id: string) => page.getByTestId(id).textContent();
/** Taps digits on the on-screen number pad, one by one. */
const tap = (digits: string) => digits.split('').reduce((p, k) => p.then(() => page.getByTestId('numpad').locator(`[data-key="${k}"]`).click()), Promise.resolve());
const waiting = async (svc: RunningService, code: string) =>
  (svc.runtime.queue.lines('zh-CN').lines.find((l) => l.code === code) ?? { waiting: -1 }).waiting;

describe('taking a ticket', SLOW, () => {
  it('on a kiosk with no printer, issues at one tap with no printer warning and shows the offline number on screen', async () => {
    await open(bare);
    await page.getByTestId('home-take-ticket').click();
    await expect.poll(() => page.getByTestId('queue-line').count(), POLL).toBe(5);
    expect(await page.getByTestId('printer-warning').count()).toBe(0);
    expect(await page.getByTestId('lines-offline').isVisible()).toBe(true);
    expect(await waiting(bare, 'A')).toBe(0);

    await page.locator('[data-testid=queue-line][data-code=A]').click();
    await expect.poll(() => text('ticket-number'), POLL).toBe('K-A001');
    expect(await page.getByTestId('printer-down-notice').count()).toBe(0);
    expect(await text('ticket-line')).toBe('对外贸易');
    expect(await text('ticket-area')).toBe('1–2号窗口');
    expect(await text('ticket-ahead')).toBe('没有人，请留意叫号');
    expect(await page.getByTestId('ticket-print').getAttribute('data-print')).toBe('no-printer');
    expect(await text('ticket-print')).toContain('号票显示在屏幕上。请记下您的号码或用手机拍下');
    expect(await text('ticket-offline')).toContain('由本机发放');
    expect(await page.getByTestId('ticket-qr').locator('svg').count()).toBe(1);
    expect(await waiting(bare, 'A')).toBe(1);

    await page.getByTestId('ticket-done').click();
    await expect.poll(() => page.getByTestId('home').isVisible(), POLL).toBe(true);
    expect(await page.evaluate(() => location.pathname)).toBe('/kiosk');
  });

  it('with a printer, issues at one tap, counts the people ahead and prints the slip', async () => {
    await open(printing, '/kiosk/ticket');
    await expect.poll(() => page.getByTestId('queue-line').count(), POLL).toBe(5);
    expect(await page.getByTestId('printer-warning').count()).toBe(0);
    await page.locator('[data-testid=queue-line][data-code=B]').click();
    await expect.poll(() => text('ticket-number'), POLL).toBe('K-B001');
    expect(await page.getByTestId('ticket-print').getAttribute('data-print')).toBe('queued');
    expect(await text('ticket-print')).toContain('请从下方出票口取走号票');
    await expect.poll(() => readdirSync(slips.dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(slips.dir, f), 'utf8')).join('\n'), POLL).toContain('K-B001');

    // The next visitor sees one more person waiting, and one ahead of them.
    await open(printing, '/kiosk/ticket');
    await expect.poll(() => page.locator('[data-testid=queue-line][data-code=B] [data-testid=line-waiting]').textContent(), POLL).toBe('等候 1 人');
    await page.locator('[data-testid=queue-line][data-code=B]').click();
    await expect.poll(() => text('ticket-number'), POLL).toBe('K-B002');
    expect(await text('ticket-ahead')).toBe('1 人');
  });
});

describe('checking in', SLOW, () => {
  it('by the six-digit code and the phone’s last four on the number pad; a second check-in is refused in plain words', async () => {
    book(bare, { code: '246810' });
    await open(bare);
    await page.getByTestId('home-checkin').click();
    await tap('246810');
    expect(await page.getByTestId('checkin-code').getAttribute('data-value')).toBe('246810');
    expect(await page.getByTestId('checkin-submit').isDisabled()).toBe(true);
    await tap('88019');
    expect(await page.getByTestId('checkin-code-phone').getAttribute('data-value')).toBe('8801');
    await page.getByTestId('checkin-submit').click();
    await expect.poll(() => text('ticket-number'), POLL).toMatch(/^K-C\d{3}$/);
    expect(await page.getByTestId('ticket-view').textContent()).toContain('签到成功');
    expect(await text('ticket-enterprise')).toBe('黑龙江龙江拍卖有限公司');

    await open(bare, '/kiosk/checkin');
    await tap('2468108801');
    await page.getByTestId('checkin-submit').click();
    await expect.poll(() => page.getByTestId('queue-error').getAttribute('data-kind'), POLL).toBe('already-checked-in');
    expect(await text('queue-error')).toMatch(/这个预约已经签到过了.*找工作人员/);
  });

  it('an unknown code says what to check and whom to ask, and the visitor can retype', async () => {
    await open(bare, '/kiosk/checkin');
    await tap('9999998801');
    await page.getByTestId('checkin-submit').click();
    await expect.poll(() => page.getByTestId('queue-error').getAttribute('data-kind'), POLL).toBe('not-found');
    expect(await text('queue-error')).toContain('没有找到您今天的预约');
    await page.getByTestId('numpad').locator('[data-key="clear"]').click();
    expect(await page.getByTestId('checkin-code').getAttribute('data-value')).toBe('');
    expect(await page.getByTestId('queue-error').count()).toBe(0);
  });

  it('by scanning an older confirmation QR code (code only) with a keyboard-wedge scanner, then the phone digits', async () => {
    book(bare, { code: '135790', enterprise: '哈尔滨北方劳务合作有限公司', service: 'B' });
    await open(bare, '/kiosk/checkin');
    await page.getByTestId('numpad').waitFor();
    // A scanner's burst, keys microseconds apart (real key presses from the test are paced by the machine's load).
    await page.evaluate((code) => {
      const target = document.activeElement ?? document.body;
      for (const key of [...code, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, 'HALL-APPT:135790');
    await expect.poll(() => page.getByTestId('checkin-code').getAttribute('data-value'), POLL).toBe('135790');
    await tap('8801');
    await page.getByTestId('checkin-submit').click();
    await expect.poll(() => text('ticket-enterprise'), POLL).toBe('哈尔滨北方劳务合作有限公司');
    expect(await text('ticket-number')).toMatch(/^K-B\d{3}$/);
  });

  it('by a confirmation QR with the phone digits the serial scanner read, passed on by the terminal', async () => {
    book(bare, { code: '112233', enterprise: '大庆石化成品油经营有限公司', service: 'D' });
    await open(bare, '/kiosk/checkin');
    await page.getByTestId('numpad').waitFor();
    // The screen's live channel opens shortly after it shows: send until the check-in is seen.
    await expect
      .poll(async () => {
        bare.runtime.screens.send({ type: 'scan', code: 'HALL-APPT:112233:8801' });
        return page.getByTestId('ticket-enterprise').count();
      }, POLL)
      .toBe(1);
    expect(await text('ticket-enterprise')).toBe('大庆石化成品油经营有限公司');
  });

  it("by the phone's last four digits and the enterprise chosen from the list (landscape)", async () => {
    book(bare, { code: '555001', phoneLast4: '4321', enterprise: '甲公司', matter: '单用途商业预付卡备案', from: '10:00', to: '10:30' });
    book(bare, { code: '555002', phoneLast4: '4321', enterprise: '乙公司', matter: '商业特许经营备案', from: '11:00', to: '11:30', service: 'A' });
    await open(bare, '/kiosk/checkin', { width: 1920, height: 1080 });
    await page.getByTestId('checkin-mode-phone').click();
    await tap('4321');
    await page.getByTestId('phone-lookup').click();
    await expect.poll(() => page.getByTestId('appointment-option').count(), POLL).toBe(2);
    expect(await page.getByTestId('appointment-option').nth(1).textContent()).toMatch(/乙\*\*公司.*商业特许经营备案.*11:00–11:30/);
    expect(await page.locator('.appointment-list').textContent()).not.toMatch(/甲公司|乙公司/);
    await page.getByTestId('appointment-option').nth(1).click();
    await expect.poll(() => text('ticket-enterprise'), POLL).toBe('乙公司');
    expect(await text('ticket-number')).toMatch(/^K-A\d{3}$/);
    expect(await page.getByTestId('ticket-done').isVisible()).toBe(true);
  });

  it('keeps every pad key at least 60×60 in elderly mode', async () => {
    await open(bare, '/kiosk/checkin');
    await page.getByTestId('elderly-toggle').click();
    const sizes = await page.getByTestId('numpad').locator('button').evaluateAll((els) => els.map((e) => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height)));
    expect(sizes).toHaveLength(12);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(60);
  });
});

describe('printing a checklist', SLOW, () => {
  async function printOn(svc: RunningService) {
    await open(svc, '/kiosk/search');
    await page.getByTestId('search-input').fill('劳务合作');
    await page.getByTestId('result-item').first().click();
    await page.getByTestId('print-checklist').click();
    await expect.poll(() => page.getByTestId('checklist-status').count(), POLL).toBe(1);
    return page.getByTestId('checklist-status');
  }

  it('prints the materials of the procedure on the slip printer', async () => {
    const status = await printOn(printing);
    expect(await status.getAttribute('data-state')).toBe('printing');
    expect(await status.textContent()).toContain('正在打印');
    await expect
      .poll(() => readdirSync(slips.dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(slips.dir, f), 'utf8')).join('\n'), POLL)
      .toContain('对外劳务合作经营资格核准');
  });

  it('without a printer, says so and suggests a photo of the page', async () => {
    const status = await printOn(bare);
    expect(await status.getAttribute('data-state')).toBe('unavailable');
    expect(await status.textContent()).toContain('打印机暂不可用');
  });
});

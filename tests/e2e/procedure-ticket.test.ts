import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium, shot } from './browser.js';

// A procedure page on the kiosk, in Chromium against a real terminal service with the shipped hall
// and catalog: it names the line that serves the matter, that line's counters open or closed now,
// and takes a ticket for it.

let svc: RunningService;
let browser: Browser;
let page: Page;
const POLL = { timeout: 15_000, interval: 100 };
const SLOW = { timeout: 120_000 };

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

const idOf = (code: string) => (svc.db.prepare('SELECT id FROM procedures WHERE code = ?').get(code) as { id: string }).id;
const waiting = (code: string) => svc.runtime.queue.lines('zh-CN').lines.find((l) => l.code === code)?.waiting ?? -1;

async function open(path: string, viewport = { width: 1080, height: 1920 }) {
  await page?.close();
  page = await browser.newPage({ viewport });
  await page.goto(svc.url + path);
}

describe('a procedure page', SLOW, () => {
  it('shows the line and its counters as they are now, and takes a ticket in that line', async () => {
    // Counter 5 (line D, technology trade) has a clerk signed in.
    svc.runtime.queue.putPresence({ counterNo: 5, staff: 'chen.jing', staffName: '陈静', staffNumber: '0103', state: 'in', since: new Date().toISOString() });
    await open(`/kiosk/procedures/${idOf('TT-01')}`);
    await expect.poll(() => page.getByTestId('procedure-line').textContent(), POLL).toContain('技术贸易与服务贸易');
    expect(await page.getByTestId('procedure-counter').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-counter')}:${e.getAttribute('data-state')}:${e.textContent}`))).toEqual([
      '5:open:5号窗口正在办理',
    ]);
    // The page no longer names a window the hall does not have.
    expect(await page.locator('body').textContent()).not.toContain('7号窗口');
    // Both actions sit within the first screen, above the bottom bar.
    const bar = (await page.locator('.kiosk-nav').boundingBox())!;
    for (const id of ['procedure-take-ticket', 'procedure-checkin']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(bar.y);
    }
    expect(waiting('D')).toBe(0);

    await page.getByTestId('procedure-take-ticket').click();
    // No printer on this kiosk: the ticket is shown on screen at once, with no warning to tap away.
    await expect.poll(() => page.getByTestId('ticket-number').textContent(), POLL).toBe('K-D001');
    expect(await page.getByTestId('printer-down-notice').count()).toBe(0);
    expect(await page.getByTestId('ticket-line').textContent()).toBe('技术贸易与服务贸易');
    expect(await page.getByTestId('ticket-area').textContent()).toBe('5号窗口');
    await shot(page, 'procedure-ticket-issued');
    expect(waiting('D')).toBe(1);
  });

  it('shows a closed counter as closed, counts who waits, and "I have an appointment" leads to check-in', async () => {
    svc.runtime.queue.putPresence({ counterNo: 3, staff: 'zhang.wei', staffName: '张伟', staffNumber: '0102', state: 'out', since: new Date().toISOString() });
    await open(`/kiosk/procedures/${idOf('OI-03')}`);
    await expect.poll(() => page.getByTestId('procedure-counter').getAttribute('data-state'), POLL).toBe('closed');
    expect(await page.getByTestId('procedure-counter').textContent()).toBe('3号窗口暂未开放');
    expect(await page.getByTestId('procedure-service').textContent()).toContain('这些窗口暂时没有工作人员');
    await page.getByTestId('procedure-checkin').click();
    await expect.poll(() => page.evaluate(() => location.pathname), POLL).toBe('/kiosk/checkin');
  });

  it('an abolished procedure offers no ticket and points to its replacement', async () => {
    await open(`/kiosk/procedures/${idOf('FI-05')}`);
    await expect.poll(() => page.getByTestId('procedure-replacement').isVisible(), POLL).toBe(true);
    await shot(page, 'procedure-abolished');
    expect(await page.getByTestId('procedure-take-ticket').count()).toBe(0);
    expect(await page.getByTestId('procedure-checkin').count()).toBe(0);
    await page.getByTestId('procedure-replacement').click();
    await expect.poll(() => page.evaluate(() => location.pathname), POLL).toBe(`/kiosk/procedures/${idOf('FI-01')}`);
    await expect.poll(() => page.getByTestId('procedure-take-ticket').isVisible(), POLL).toBe(true);
  });

  it('in every language and in elderly mode, at 1080×1920 and 1920×1080, the actions fit and nothing overflows', async () => {
    for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
      for (const elderly of [false, true]) {
        await open(`/kiosk/procedures/${idOf('TT-02')}`, viewport);
        if (elderly) await page.getByTestId('elderly-toggle').click();
        for (const lang of ['zh-CN', 'en', 'ru']) {
          await page.getByTestId('lang-switch').locator(`[data-lang="${lang}"]`).click();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
          await expect.poll(() => page.getByTestId('procedure-counter').count(), POLL).toBe(1);
          const tag = `${viewport.width}x${viewport.height} ${lang}${elderly ? ' elderly' : ''}`;
          await shot(page, `procedure-${viewport.width}x${viewport.height}-${lang}${elderly ? '-elderly' : ''}`);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), tag).toBeLessThanOrEqual(viewport.width);
          const take = (await page.getByTestId('procedure-take-ticket').boundingBox())!;
          const bar = (await page.locator('.kiosk-nav').boundingBox())!;
          expect(take.y + take.height, tag).toBeLessThanOrEqual(bar.y);
          expect(take.height, tag).toBeGreaterThanOrEqual(elderly ? 60 : 56);
        }
      }
    }
  });
});

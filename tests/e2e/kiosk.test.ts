import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium } from './browser.js';

// Two services: one with the default idle time for browsing, one with a short one for the idle tests.
let svc: RunningService;
let quickIdle: RunningService;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  [svc, quickIdle] = await Promise.all([startTestService(), startTestService({ IDLE_SECONDS: '6' })]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
  await quickIdle?.stop();
});

async function openKiosk(service: RunningService) {
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(`${service.url}/kiosk`);
}

const results = () => page.getByTestId('result-item');

async function openSearch() {
  await page.getByTestId('nav-search').click();
  await expect.poll(() => page.getByTestId('search-input').isVisible()).toBe(true);
}

describe('kiosk in Chromium', () => {
  beforeEach(() => openKiosk(svc));

  it('finds a procedure by typing Chinese and opens its full detail', async () => {
    await openSearch();
    await page.getByTestId('search-input').fill('劳务合作');
    await expect.poll(() => results().first().textContent()).toContain('对外劳务合作经营资格核准');
    await results().first().click();
    await expect.poll(() => page.getByTestId('procedure-title').textContent()).toContain('对外劳务合作经营资格核准');
    expect(await page.getByTestId('detail-legal-basis').textContent()).toContain('第七条');
    expect(await page.getByTestId('detail-materials').textContent()).toMatch(/原件|复印件/);
    expect(await page.getByTestId('detail-flow').locator('li, [role=listitem]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('detail-qr').locator('svg, canvas, img').count()).toBeGreaterThan(0);
  });

  it('finds 拍卖 by tapping the pinyin initials p, m on the on-screen keyboard', async () => {
    await openSearch();
    const osk = page.getByTestId('osk');
    await osk.locator('[data-key="p"]').click();
    await osk.locator('[data-key="m"]').click();
    expect(await page.getByTestId('search-input').inputValue()).toBe('pm');
    await expect.poll(() => results().first().textContent()).toContain('拍卖');
    expect(await results().first().locator('mark').first().textContent()).toMatch(/[拍卖]/);
  });

  it('finds by English in English, and switches the open page to Russian', async () => {
    await page.getByTestId('lang-switch').locator('[data-lang="en"]').click();
    await openSearch();
    await page.getByTestId('search-input').fill('auction');
    await expect.poll(() => results().first().textContent()).toMatch(/auction/i);
    await results().first().click();
    await expect.poll(() => page.getByTestId('procedure-title').textContent()).toMatch(/auction/i);
    await page.getByTestId('lang-switch').locator('[data-lang="ru"]').click();
    await expect.poll(() => page.getByTestId('procedure-title').textContent()).toMatch(/[а-яА-Я]/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
  });

  it('shows the eleven prohibitions word for word', async () => {
    await page.getByTestId('nav-prohibitions').click();
    await expect.poll(() => page.getByTestId('prohibition-item').count()).toBe(11);
    expect(await page.getByTestId('prohibition-item').first().textContent()).toContain('强迫市场主体和群众进入业务处室');
  });

  it('makes touch targets at least 60×60 and body text at least 24px in elderly mode', async () => {
    await page.getByTestId('elderly-toggle').click();
    await openSearch();
    const sizes = await page.getByTestId('osk').locator('button').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return Math.min(r.width, r.height);
      }),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(60);
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyPx).toBeGreaterThanOrEqual(24);
  });
});

describe('kiosk idle reset in Chromium', () => {
  beforeEach(() => openKiosk(quickIdle));

  it('after the idle time, counts down, then clears everything and returns home', async () => {
    await page.getByTestId('lang-switch').locator('[data-lang="en"]').click();
    await page.getByTestId('elderly-toggle').click();
    await openSearch();
    await page.getByTestId('search-input').fill('auction');
    await expect.poll(() => page.getByTestId('idle-countdown').isVisible(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => page.getByTestId('home').isVisible(), { timeout: 8000 }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => document.documentElement.dataset.elderly ?? 'false')).toBe('false');
    await openSearch();
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
  });

  it('a touch during the countdown keeps the visitor where they are', async () => {
    await openSearch();
    await page.getByTestId('search-input').fill('拍卖');
    await expect.poll(() => page.getByTestId('idle-countdown').isVisible(), { timeout: 5000 }).toBe(true);
    await page.mouse.click(5, 5);
    await expect.poll(() => page.getByTestId('idle-countdown').isVisible()).toBe(false);
    expect(await page.getByTestId('search-input').inputValue()).toBe('拍卖');
  });
});

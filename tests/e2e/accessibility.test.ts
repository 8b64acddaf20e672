import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ROOT } from '../../server/config.js';
import { createStaff } from '../../server/staff/repository.js';
import { importServerCatalog } from '../../server/sync/catalog.js';
import { axe, overflow, type Violation } from './axe.js';
import { launchChromium, shot } from './browser.js';
import { api, CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// The staff and hall screens (counter, rating, hall board, status, supervision; the kiosk's are in
// kiosk tests) in Chromium against a real office: axe-core finds no serious or critical violation
// in any language, nothing is wider than the screen at 1920×1080 or 1080×1920, and staff screens
// can be zoomed while the visitor's screens hold their scale.

const LANGS = ['zh-CN', 'en', 'ru'] as const;
type Lang = (typeof LANGS)[number];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
const POLL = { timeout: 20_000, interval: 100 };

let office: Awaited<ReturnType<typeof startHallOffice>>;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(SERVER_ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  office = await startHallOffice();
  // The catalog on the server gives the prohibitions' words in every language.
  expect((await importServerCatalog(office.server.db, readFileSync(join(SERVER_ROOT, 'assets/catalog/commerce.json'), 'utf8'), new Date())).ok).toBe(true);
  await createStaff(office.server.db, { login: 'zhao.lei', name: '赵磊', number: 'S01', role: 'supervisor' }, CLERK_PASSWORD, Date.now());
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
}, 120_000);

const viewport = (page: Page) => page.locator('meta[name="viewport"]').getAttribute('content');

async function pickLang(page: Page, testid: string, lang: Lang) {
  await page.getByTestId(testid).first().selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
}

/** Checks one screen as shown now: axe, overflow, a screenshot. */
async function check(page: Page, name: string, found: Map<string, Violation[]>) {
  const v = await axe(page);
  if (v.length) found.set(name, v);
  expect(await overflow(page), `${name} overflows`).toBe(0);
  await shot(page, name);
}

describe('staff and hall screens: accessibility and fit', () => {
  it('lets staff zoom the counter, status and supervision pages; kiosk, rating and hall hold their scale', async () => {
    const page = await browser.newPage();
    for (const [url, zoom] of [
      [`${office.counter.url}/counter`, true],
      [`${office.counter.url}/status`, true],
      [`${office.url}/supervisor`, true],
      [`${office.kiosk.url}/kiosk`, false],
      [`${office.counter.url}/rating`, false],
      [`${office.counter.url}/hall`, false],
    ] as const) {
      await page.goto(url);
      await expect.poll(() => page.locator('#root > *').count(), POLL).toBeGreaterThan(0);
      const content = await viewport(page);
      expect(content, url).toContain('width=device-width');
      expect(content?.includes('user-scalable=no'), url).toBe(!zoom);
    }
    await page.close();
  }, 60_000);

  for (const size of SIZES) {
    it(`finds no serious or critical axe violation and nothing wider than ${size.width}×${size.height}, in zh-CN, en and ru`, async () => {
      const found = new Map<string, Violation[]>();
      // axe is injected as a script of its own: the screens' CSP (script-src 'self') would refuse it.
      const ctx = await browser.newContext({ viewport: size, bypassCSP: true });
      const page = await ctx.newPage();
      const tag = (screen: string, lang: Lang) => `a11y-${screen}-${lang}-${size.width}x${size.height}`;

      for (const lang of LANGS) {
        for (const [screen, url] of [
          ['rating', `${office.counter.url}/rating?lang=${lang}`],
          ['hall', `${office.counter.url}/hall?lang=${lang}`],
          ['status', `${office.counter.url}/status?lang=${lang}`],
        ] as const) {
          await page.goto(url);
          await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
          await expect.poll(() => page.locator('main').count(), POLL).toBeGreaterThan(0);
          await page.waitForLoadState('networkidle');
          await check(page, tag(screen, lang), found);
        }
      }

      // The counter: its sign-in, then the workbench of a signed-in clerk.
      await page.goto(`${office.counter.url}/counter`);
      await expect.poll(() => page.getByTestId('login-form').isVisible(), POLL).toBe(true);
      for (const lang of LANGS) {
        await pickLang(page, 'counter-lang', lang);
        await check(page, tag('counter-login', lang), found);
      }
      await pickLang(page, 'counter-lang', 'zh-CN');
      await page.getByTestId('login-user').fill('wang.fang');
      await page.getByTestId('login-password').fill(CLERK_PASSWORD);
      await page.getByTestId('login-counter').fill('1');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('counter-staff').isVisible(), POLL).toBe(true);
      for (const lang of LANGS) {
        await pickLang(page, 'counter-lang', lang);
        await page.waitForLoadState('networkidle');
        await check(page, tag('counter', lang), found);
      }
      // The certificates panel: its search box and a search that found nothing.
      await page.getByTestId('side-tab-certificates').click();
      await page.getByTestId('cert-search').fill('E999');
      await page.getByTestId('cert-search').press('Enter');
      await expect.poll(() => page.getByTestId('cert-none').isVisible(), POLL).toBe(true);
      for (const lang of LANGS) {
        await pickLang(page, 'counter-lang', lang);
        await check(page, tag('counter-certificates', lang), found);
      }
      await pickLang(page, 'counter-lang', 'zh-CN');
      await page.getByTestId('side-tab-appointments').click();
      // With a ticket called: the current ticket's panel, then the rating screen asking about it.
      expect((await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A', print: false })).status).toBe(200);
      await expect.poll(() => page.getByTestId('action-call-next').isEnabled(), POLL).toBe(true);
      await page.getByTestId('action-call-next').click();
      await expect.poll(() => page.getByTestId('current-number').isVisible(), POLL).toBe(true);
      for (const lang of LANGS) {
        await pickLang(page, 'counter-lang', lang);
        await check(page, tag('counter-serving', lang), found);
      }
      await page.getByTestId('action-finish').click();
      await expect.poll(() => page.getByTestId('current-empty').isVisible(), POLL).toBe(true);
      const rating = await ctx.newPage();
      for (const lang of LANGS) {
        await rating.goto(`${office.counter.url}/rating?lang=${lang}`);
        await expect.poll(() => rating.getByTestId('rating-levels').isVisible(), POLL).toBe(true);
        await check(rating, tag('rating-prompt', lang), found);
        await rating.getByTestId('rating-level-1').click();
        await expect.poll(() => rating.getByTestId('rating-reasons').isVisible(), POLL).toBe(true);
        await check(rating, tag('rating-reasons', lang), found);
      }
      await rating.close();

      // Supervision: sign-in, then every section a supervisor has.
      await page.goto(`${office.url}/supervisor`);
      await expect.poll(() => page.getByTestId('sv-login-form').isVisible(), POLL).toBe(true);
      for (const lang of LANGS) {
        await pickLang(page, 'sv-lang', lang);
        await check(page, tag('supervisor-login', lang), found);
      }
      await pickLang(page, 'sv-lang', 'zh-CN');
      await page.getByTestId('sv-login-user').fill('zhao.lei');
      await page.getByTestId('sv-login-password').fill(CLERK_PASSWORD);
      await page.getByTestId('sv-login-submit').click();
      await expect.poll(() => page.getByTestId('sv-staff').isVisible(), POLL).toBe(true);
      const sections = await page.locator('[data-testid^="sv-nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('sv-nav-'.length)));
      expect(sections.length).toBeGreaterThan(3);
      for (const lang of LANGS) {
        await pickLang(page, 'sv-lang', lang);
        for (const s of sections) {
          await page.getByTestId(`sv-nav-${s}`).click();
          await expect.poll(() => page.getByTestId('sv-section').getAttribute('data-section'), POLL).toBe(s);
          await page.waitForLoadState('networkidle');
          if (s === 'prohibitions') {
            const first = { 'zh-CN': /^一不准强迫市场主体/, en: /^First, no forcing businesses/, ru: /^Первое: запрещается/ }[lang];
            await expect.poll(() => page.getByTestId('sv-prohibition-text').first().textContent(), POLL).toMatch(first);
            expect(await page.getByTestId('sv-prohibition-text').count()).toBe(11);
          }
          if (s === 'queue' && lang === 'zh-CN') {
            // A date reads year first whatever the browser's locale (Chromium's own date input shows 12/01/2026 here).
            const field = page.getByTestId('sv-queue-date');
            expect(await field.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            await field.fill('12/01/2026');
            expect(await field.getAttribute('aria-invalid')).toBe('true');
            await field.fill('2020年1月5日');
            await page.getByTestId('sv-queue-today').focus();
            await expect.poll(() => page.getByTestId('sv-queue-day').getAttribute('data-date'), POLL).toBe('2020-01-05');
            expect(await field.inputValue()).toBe('2020-01-05');
            expect(await field.getAttribute('aria-invalid')).toBeNull();
            await page.getByTestId('sv-queue-today').click();
          }
          await check(page, tag(`supervisor-${s}`, lang), found);
        }
      }
      await ctx.close();
      expect(Object.fromEntries(found)).toEqual({});
    }, 300_000);
  }
});

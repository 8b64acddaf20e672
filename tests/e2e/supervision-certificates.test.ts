import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../renderer/locales/en.json' with { type: 'json' };
import ru from '../../renderer/locales/ru.json' with { type: 'json' };
import zhCN from '../../renderer/locales/zh-CN.json' with { type: 'json' };
import { CLERK_PASSWORD } from '../../server/queue/test-support.js';
import { SERVER_ROOT } from '../../server/config.js';
import { axe, overflow } from './axe.js';
import { launchChromium, shot } from './browser.js';
import { NOW, startCertificateOffice, type CertificateOffice } from './certificate-office.js';

// The supervision pages' 证照 section in Chromium against a real central server (embedded
// PostgreSQL) whose certificate tables hold a known month; both clocks pinned to 10:00 on
// 12 November 2026 in the hall while the browser runs in Los Angeles.

const WORDS = { 'zh-CN': zhCN, en, ru } as const;
const POLL = { timeout: 20_000, interval: 100 };
let office: CertificateOffice;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(SERVER_ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  office = await startCertificateOffice();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

async function signedIn(login: string, size = { width: 1920, height: 1080 }): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script.
  const page = await browser.newPage({ viewport: size, bypassCSP: true });
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(`${office.url}/supervisor`);
  await page.getByTestId('sv-login-user').fill(login);
  await page.getByTestId('sv-login-password').fill(CLERK_PASSWORD);
  await page.getByTestId('sv-login-submit').click();
  await page.getByTestId('sv-staff').waitFor();
  return page;
}
const text = (page: Page, id: string) => page.getByTestId(id).first().textContent();
const row = (page: Page, testid: string, attr: string, value: string) => page.locator(`[data-testid="${testid}"][${attr}="${value}"]`);

describe('the certificates section of the supervision pages in Chromium', () => {
  it('shows the office what is ready, what waited too long, 马上办 times, reprints and second hand-overs', async () => {
    const page = await signedIn('li.jing');
    await page.getByTestId('sv-nav-certificates').click();
    await expect.poll(() => page.getByTestId('sv-section').getAttribute('data-section'), POLL).toBe('certificates');
    // This month in the hall, though the browser's own date is still 11 November in Los Angeles.
    expect(await page.getByTestId('sv-range').getAttribute('data-from')).toBe('2026-11-01');
    await expect.poll(() => text(page, 'sv-cert-ready'), POLL).toBe('4');
    expect(await text(page, 'sv-cert-waiting-count')).toBe('1');
    expect(await text(page, 'sv-cert-handed-over')).toBe('5');
    expect([await text(page, 'sv-cert-posted'), await text(page, 'sv-cert-delivered')]).toEqual(['1', '1']);
    const late = row(page, 'sv-cert-waiting-row', 'data-id', office.waiting.id);
    expect(await late.getAttribute('data-days')).toBe('11');
    expect(await late.textContent()).toContain('龙江对外贸易股份有限公司');
    expect(await late.textContent()).toContain('2026-11-01 23:59');
    expect(await late.textContent()).toContain('企业境外投资证书');

    // By counter: counter 6 took 4, 8, 12, 30 min (p50 8 min, p95 30 min); counter 5 one of 6 min.
    await expect.poll(() => row(page, 'sv-cert-time-row', 'data-key', '6').getByTestId('sv-cert-p50').textContent(), POLL).toBe('8 分 00 秒');
    expect(await row(page, 'sv-cert-time-row', 'data-key', '6').getByTestId('sv-cert-p95').textContent()).toBe('30 分 00 秒');
    expect(await row(page, 'sv-cert-time-row', 'data-key', '6').locator('th').textContent()).toBe('6号窗口');
    expect(await page.getByTestId('sv-cert-times-total').getByTestId('sv-cert-p50').getAttribute('data-seconds')).toBe('480');
    await page.getByTestId('sv-cert-group').selectOption('clerk');
    await expect.poll(() => row(page, 'sv-cert-time-row', 'data-key', 'wang.fang').locator('th').textContent(), POLL).toBe('王芳');
    await page.getByTestId('sv-cert-group').selectOption('type');
    await expect.poll(() => row(page, 'sv-cert-time-row', 'data-key', 'technology-contract').getByTestId('sv-cert-p95').textContent(), POLL).toBe('6 分 00 秒');

    const reprint = page.getByTestId('sv-cert-reprint-row');
    expect(await reprint.count()).toBe(1);
    expect(await reprint.getByTestId('sv-cert-reason').textContent()).toBe('打印机卡纸，证书污损');
    expect(await reprint.textContent()).toContain('2026-11-10 15:30');
    expect(await reprint.textContent()).toContain('王芳');
    const twice = page.getByTestId('sv-cert-conflict-row');
    expect(await twice.count()).toBe(1);
    expect(await twice.locator('td').nth(1).textContent()).toBe('2026-11-03 10:006号窗口 · 王芳');
    expect(await twice.locator('td').nth(2).textContent()).toBe('2026-11-07 11:205号窗口');
    // No holder code or ID number reaches the page.
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('91230100MA1BXKPC5G');
    expect(body).not.toContain('123X');
    await page.getByTestId('sv-cert-group').selectOption('counter');
    await looked(page, 'supervision-certificates-zh-CN-desk');
    await page.close();
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: the section in the page's language, the certificate types by the catalog's names`, async () => {
      for (const [size, name] of [
        [{ width: 1920, height: 1080 }, 'desk'],
        [{ width: 1080, height: 1920 }, 'portrait'],
      ] as const) {
        const page = await signedIn('qian.wei', size);
        await page.getByTestId('sv-lang').selectOption(lang);
        await page.getByTestId('sv-nav-certificates').click();
        await expect.poll(() => page.locator('#sv-certs-h').textContent(), POLL).toBe(WORDS[lang].supervisor.certificates.title);
        await expect.poll(() => text(page, 'sv-cert-ready'), POLL).toBe('4');
        // The catalog names OI-01 in this language; the printed Chinese name stays beside it.
        const late = row(page, 'sv-cert-waiting-row', 'data-id', office.waiting.id);
        const oi01 = (await (await fetch(`${office.url}/api/supervision/names`, { headers: { authorization: `Bearer ${await token('qian.wei')}` } })).json()).procedures.find((p: { code: string }) => p.code === 'OI-01').name[lang];
        expect(await late.textContent()).toContain(oi01);
        expect(await late.textContent()).toContain('企业境外投资证书');
        const p95 = await row(page, 'sv-cert-time-row', 'data-key', '6').getByTestId('sv-cert-p95').textContent();
        expect(p95).toBe(lang === 'en' ? '30 min 00 s' : '30 мин 00 с');
        await looked(page, `supervision-certificates-${lang}-${name}`);
        await page.close();
      }
    });
  }

  it('is not offered to a department account', async () => {
    const page = await signedIn('sun.hao');
    expect(await page.getByTestId('sv-nav-certificates').count()).toBe(0);
    await page.close();
  });
});

async function token(login: string): Promise<string> {
  const res = await fetch(`${office.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: CLERK_PASSWORD }) });
  return ((await res.json()) as { token: string }).token;
}

/** The page as shown now has no serious or critical axe violation, fits the screen's width, and is kept as a screenshot. */
async function looked(page: Page, name: string): Promise<void> {
  expect(await axe(page), name).toEqual([]);
  expect(await overflow(page), `${name} overflows`).toBe(0);
  await shot(page, name);
}

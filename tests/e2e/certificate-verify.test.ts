import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../renderer/locales/en.json' with { type: 'json' };
import ru from '../../renderer/locales/ru.json' with { type: 'json' };
import zhCN from '../../renderer/locales/zh-CN.json' with { type: 'json' };
import { newSigningKey, readPayload, signPayload } from '../../core/common/certificate-payload.js';
import { SERVER_ROOT } from '../../server/config.js';
import { axe, overflow } from './axe.js';
import { launchChromium, shot } from './browser.js';
import { startCertificateOffice, type CertificateOffice } from './certificate-office.js';

// The public certificate check in Chromium, served by a real central server (embedded PostgreSQL):
// a visitor pastes a QR's text, or opens /verify?p=… from a phone's reader, in each language.

const WORDS = { 'zh-CN': zhCN.publicVerify, en: en.publicVerify, ru: ru.publicVerify } as const;
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

async function openPage(size: { width: number; height: number }, query = ''): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script.
  const page = await browser.newPage({ viewport: size, bypassCSP: true });
  await page.goto(`${office.url}/verify${query}`);
  await page.getByTestId('vf-form').waitFor();
  return page;
}
const verdictOf = (page: Page) => page.getByTestId('vf-result').getAttribute('data-verdict');
const field = (page: Page, name: string) => page.locator(`[data-testid="vf-field"][data-field="${name}"] dd`).textContent();

async function check(page: Page, payload: string): Promise<void> {
  await page.getByTestId('vf-payload').fill(payload);
  await page.getByTestId('vf-submit').click();
  await expect.poll(() => page.getByTestId('vf-result').count(), POLL).toBe(1);
}

describe('the public certificate check in Chromium', () => {
  for (const lang of ['zh-CN', 'en', 'ru'] as const) {
    it(`${lang}: genuine, forged, revoked and superseded, said in the page's language`, async () => {
      const words = WORDS[lang];
      for (const [size, name] of [
        [{ width: 1920, height: 1080 }, 'desk'],
        [{ width: 1080, height: 1920 }, 'phone'],
      ] as const) {
        const page = await openPage(size);
        await page.getByTestId('vf-lang').selectOption(lang);
        await expect.poll(() => page.locator('h1').textContent(), POLL).toBe(words.title);

        await check(page, office.genuine.qr);
        expect(await verdictOf(page)).toBe('genuine');
        expect(await page.getByTestId('vf-headline').textContent()).toContain(words.verdict.genuine);
        expect(await field(page, 'holder')).toBe('哈尔滨北方劳务合作有限公司');
        expect(await field(page, 'number')).toBe(office.genuine.number);
        expect(await field(page, 'identifier')).toBe(office.genuine.identifier);
        expect(await field(page, 'validity')).toBe('2026-11-02 – 2031-11-01');
        // No holder code and no phone: nothing personal reaches this page.
        const body = (await page.locator('body').textContent()) ?? '';
        expect(body).not.toContain('91230100MA1BXKPC5G');
        expect(body).not.toContain('5678');
        await looked(page, `verify-genuine-${lang}-${name}`);

        await check(page, office.genuine.qr.replace('|2026-11-02|', '|2026-11-12|'));
        await expect.poll(() => verdictOf(page), POLL).toBe('forged');
        expect(await page.getByTestId('vf-explain').textContent()).toBe(words.explain.forged);
        // A forged payload's own claims (its date, its identifier) are not shown as facts.
        expect(await page.getByTestId('vf-field').count()).toBe(0);
        await looked(page, `verify-forged-${lang}-${name}`);

        await check(page, office.revoked.qr);
        await expect.poll(() => verdictOf(page), POLL).toBe('revoked');
        expect(await page.getByTestId('vf-headline').textContent()).toContain(words.verdict.revoked);
        expect(await field(page, 'revokedOn')).toBe('2026-11-05');
        expect(await field(page, 'revokedReason')).toBe('企业申请注销');
        await looked(page, `verify-revoked-${lang}-${name}`);
        await page.close();
      }
    });
  }

  it('checks at once the text a phone’s QR reader opened as ?p=, and names the newer version of a replaced one', async () => {
    const page = await openPage({ width: 1080, height: 1920 }, `?p=${encodeURIComponent(office.old.qr)}`);
    await expect.poll(() => verdictOf(page), POLL).toBe('superseded');
    expect(await page.getByTestId('vf-payload').inputValue()).toBe(office.old.qr);
    expect(await field(page, 'supersededBy')).toBe(office.newer.identifier);
    await looked(page, 'verify-superseded-zh-CN-phone');
    await page.close();
  });

  it('says unknown issuer for a key not on the list, and not recognised for other text', async () => {
    const page = await openPage({ width: 1920, height: 1080 });
    const p = readPayload(office.genuine.qr)!;
    await check(page, signPayload({ identifier: p.identifier, version: p.version, issuedOn: p.issuedOn, holderHash: p.holderHash, keyId: 'nowhere-1' }, newSigningKey().privateKey));
    expect(await verdictOf(page)).toBe('unknown_issuer');
    expect(await page.getByTestId('vf-headline').textContent()).toContain(zhCN.publicVerify.verdict.unknown_issuer);
    await check(page, 'https://example.com/');
    await expect.poll(() => verdictOf(page), POLL).toBe('unreadable');
    expect(await page.getByTestId('vf-explain').textContent()).toBe(zhCN.publicVerify.explain.unreadable);
    await page.close();
  });

  it('says plainly, in the page’s language, when the server cannot be reached', async () => {
    const page = await openPage({ width: 1080, height: 1920 });
    await page.route('**/api/public/certificates/verify', (route) => route.abort('connectionrefused'));
    for (const lang of ['zh-CN', 'ru'] as const) {
      await page.getByTestId('vf-lang').selectOption(lang);
      await page.getByTestId('vf-payload').fill(office.genuine.qr);
      await page.getByTestId('vf-submit').click();
      await expect.poll(() => page.getByTestId('vf-error').textContent(), POLL).toBe(WORDS[lang].errors.network);
      expect(await page.getByTestId('vf-result').count()).toBe(0);
    }
    await looked(page, 'verify-offline-ru-phone');
    await page.close();
  });

  it('tells a visitor to wait, in their language, once an address has tried too often', async () => {
    const page = await openPage({ width: 1920, height: 1080 });
    await page.getByTestId('vf-lang').selectOption('en');
    // Checks that proved nothing from this browser's address (the tests above made some) up to the bound of 20.
    const statuses: number[] = [];
    for (let i = 0; i < 21 && statuses.at(-1) !== 429; i++) {
      const res = await fetch(`${office.url}/api/public/certificates/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: `HCERT1|not|${i}` }) });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    await page.getByTestId('vf-payload').fill(office.genuine.qr);
    await page.getByTestId('vf-submit').click();
    await expect.poll(() => page.getByTestId('vf-error').textContent(), POLL).toBe('Too many failed attempts. Please try again in 15 min.');
    expect(await page.getByTestId('vf-result').count()).toBe(0);
    await looked(page, 'verify-too-many-en-desk');
    await page.close();
  });
});

/** The page as shown now has no serious or critical axe violation, fits the screen's width, and is kept as a screenshot. */
async function looked(page: Page, name: string): Promise<void> {
  expect(await axe(page), name).toEqual([]);
  expect(await overflow(page), `${name} overflows`).toBe(0);
  await shot(page, name);
}

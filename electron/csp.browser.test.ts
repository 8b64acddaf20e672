// The shell adds its CSP header to every page of ours. A policy that breaks a screen would show a
// blank kiosk only inside Electron, so this runs the built kiosk in Chromium under that header and
// walks through search, a procedure (with its QR code) and the live channel.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../terminal/config.js';
import { startTestService, type RunningService } from '../terminal/test-service.js';
import { launchChromium } from '../tests/e2e/browser.js';
import { contentSecurityPolicy } from './csp.js';

let svc: RunningService;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService();
  // Pages answered through page.route count as non-local to Chromium's Local Network Access checks,
  // which would then refuse their loopback WebSocket; in Electron the pages really come from loopback.
  browser = await launchChromium(['--disable-features=LocalNetworkAccessChecks']);
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

async function pageUnderShellCsp(): Promise<{ page: Page; violations: string[] }> {
  const port = Number(new URL(svc.url).port);
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy(port) } });
    } catch {
      // the page closed while a request was in flight
    }
  });
  return { page, violations };
}

describe('the kiosk under the shell CSP', () => {
  it('renders, searches, shows a procedure with its QR code, and reports no violation', async () => {
    const { page, violations } = await pageUnderShellCsp();
    await page.goto(`${svc.url}/kiosk`);
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('劳务合作');
    await expect.poll(() => page.getByTestId('result-item').first().textContent()).toContain('对外劳务合作经营资格核准');
    await page.getByTestId('result-item').first().click();
    await expect.poll(() => page.getByTestId('procedure-title').textContent()).toContain('对外劳务合作经营资格核准');
    expect(await page.getByTestId('detail-qr').locator('svg, canvas, img').count()).toBeGreaterThan(0);
    // The live channel (not yet opened by the kiosk itself) connects under connect-src.
    const live = await page.evaluate(
      (url) => new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onmessage = (m) => resolve(String(m.data));
        ws.onerror = () => resolve('error');
      }),
      `${svc.url.replace('http:', 'ws:')}/api/live`,
    );
    expect(JSON.parse(live)).toMatchObject({ type: 'hello' });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('does block an inline script, a remote image and a socket to another port, as it should', async () => {
    const { page, violations } = await pageUnderShellCsp();
    await page.goto(`${svc.url}/kiosk`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.src = 'http://example.invalid/x.png';
      document.body.append(img);
      try {
        new WebSocket('ws://127.0.0.1:9/');
      } catch {
        // Chromium throws synchronously on a connect-src refusal
      }
    });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(violations.some((v) => v.startsWith('img-src') && v.includes('example.invalid'))).toBe(true);
    expect(violations.some((v) => v.startsWith('connect-src') && v.includes('127.0.0.1:9'))).toBe(true);
    await page.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, shot } from './browser.js';
import { api, startHallOffice } from './hall-office.js';

// The status screen of a terminal enrolled with a real central server that is then stopped: it says
// in words that the server cannot be reached, at which address, and what to do; the log says it too.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let browser: Browser;
const logs: string[] = [];
const POLL = { timeout: 30_000, interval: 100 };
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];

beforeAll(async () => {
  office = await startHallOffice({ terminalLog: (name, line) => logs.push(`${name}: ${line}`) });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
}, 120_000);

describe('status screen of an enrolled terminal', () => {
  it('is online while the server answers, then says it cannot reach the central server at its address once it is stopped', async () => {
    const ctx = await browser.newContext({ viewport: SIZES[0] });
    const page = await ctx.newPage();
    await page.goto(`${office.kiosk.url}/status`);
    await expect.poll(() => page.getByTestId('status-online').getAttribute('data-online'), POLL).toBe('true');
    expect(await page.getByTestId('status-problem').count()).toBe(0);
    for (const lang of ['zh-CN', 'en', 'ru']) {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto(`${office.kiosk.url}/status?lang=${lang}`);
        await expect.poll(() => page.getByTestId('status-online').isVisible(), POLL).toBe(true);
        await shot(page, `status-online-${lang}-${size.width}x${size.height}`);
      }
    }

    await office.stopServer();
    // Something to upload: the terminal tries the server and finds nobody there.
    expect((await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false })).status).toBe(200);
    await page.goto(`${office.kiosk.url}/status?lang=en`);
    await expect.poll(() => page.getByTestId('status-problem').getAttribute('data-reason'), POLL).toBe('unreachable');
    expect(await page.getByTestId('status-online').getAttribute('data-online')).toBe('false');
    expect(await page.getByTestId('status-problem-text').textContent()).toMatch(new RegExp(`^Cannot reach the central server at ${office.url.replace(/[.]/g, '\\.')}\\. `));
    for (const lang of ['zh-CN', 'en', 'ru']) {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto(`${office.kiosk.url}/status?lang=${lang}`);
        await expect.poll(() => page.getByTestId('status-problem').isVisible(), POLL).toBe(true);
        if (lang === 'zh-CN') expect(await page.getByTestId('status-problem-text').textContent()).toContain(`无法连接中心服务器 ${office.url}。`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await shot(page, `status-offline-${lang}-${size.width}x${size.height}`);
      }
    }
    await ctx.close();
  }, 180_000);

  it('logs a failed heartbeat with the cause and the address, not only its code', async () => {
    // The terminal beats at start; with the server gone, the next beat (forced by a restart of the service's timer) fails.
    const { startHeartbeat } = await import('../../terminal/sync/heartbeat.js');
    const { SyncClient } = await import('../../core/sync/client.js');
    const lines: string[] = [];
    const hb = startHeartbeat(office.counter.db, new SyncClient(office.counter.db, { timeoutMs: 2000 }), 'test', { log: (l) => lines.push(l), intervalMs: 3_600_000 });
    await expect.poll(() => lines.length, POLL).toBe(1);
    hb.stop();
    expect(lines[0]).toBe(`Heartbeat failed (NETWORK): cannot reach the central server at ${office.url}: is it running, and at that address and port? If it moved, enroll this terminal again.`);
  }, 60_000);
});

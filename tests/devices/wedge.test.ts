import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/browser.js';

// The keyboard-wedge hook in real Chromium with real key presses: a scan must not stay in a
// React-controlled field nor submit its form; a person's typing must.
let browser: Browser;
let page: Page;
let script: string;

beforeAll(async () => {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./wedge-page.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  script = out.outputFiles[0]!.text;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="root"></div>');
  await page.addScriptTag({ content: script });
  await page.getByTestId('search').focus();
});

const field = () => page.getByTestId('search').inputValue();
const scans = () => page.evaluate(() => window.wedgeScans);
const submits = () => page.evaluate(() => window.wedgeSubmits);

describe('useWedgeScanner in Chromium', () => {
  it('a scan reaches onScan and leaves nothing in the focused search field, nor submits it', async () => {
    await page.keyboard.type('YY20240517\n');
    await expect.poll(scans).toEqual(['YY20240517']);
    expect(await field()).toBe('');
    expect(await submits()).toEqual([]);
    expect(await page.getByTestId('last-scan').textContent()).toBe('YY20240517');
  });

  it("a person's typing and Enter go to the field and its form as usual", async () => {
    await page.keyboard.type('auction', { delay: 600 });
    await page.keyboard.press('Enter');
    expect(await field()).toBe('auction');
    expect(await submits()).toEqual(['auction']);
    expect(await scans()).toEqual([]);
  });

  it('a scan in the middle of typing takes out only the scanned characters', async () => {
    await page.keyboard.type('pm', { delay: 600 });
    await new Promise((r) => setTimeout(r, 700));
    await page.keyboard.type('A0123\n');
    await expect.poll(scans).toEqual(['A0123']);
    await new Promise((r) => setTimeout(r, 700));
    await page.keyboard.type('x', { delay: 600 });
    expect(await field()).toBe('pmx');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ROOT } from '../../server/config.js';
import { preparePhoto } from '../../server/staff/photo.js';
import { createStaff, renameStaff, setStaffPhoto } from '../../server/staff/repository.js';
import { launchChromium, shot } from './browser.js';
import { api, CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// Issue 12 in Chromium against a real central server and counter terminal: the counter's header shows
// the clerk by name and photo (Latin name on en and ru); an office user resets the clerk's forgotten
// password on the supervision pages, sees the new one once and the reset in the log; the old password
// then fails at the server and, once it synced, at the counter, and the new one works.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let browser: Browser;
const POLL = { timeout: 30_000, interval: 200 };
const OFFICE_PASSWORD = 'office password 1';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core findings on the page as it is now. */
async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the pages' CSP (script-src 'self') refuses an inline script tag.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run()).violations);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

beforeAll(async () => {
  if (!existsSync(join(SERVER_ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  office = await startHallOffice();
  const db = office.server.db;
  await createStaff(db, { login: 'sun.min', name: '孙敏', latinName: 'Sun Min', number: 'B01', role: 'office' }, OFFICE_PASSWORD, Date.now());
  await renameStaff(db, 'wang.fang', '王芳', 'Wang Fang', Date.now());
  const face = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400"><rect width="300" height="400" fill="#d9e6d0"/><circle cx="150" cy="150" r="80" fill="#e3b08a"/><rect x="60" y="260" width="180" height="140" rx="60" fill="#7a2a2a"/></svg>';
  await setStaffPhoto(db, 'wang.fang', await preparePhoto(await sharp(Buffer.from(face)).png().toBuffer()), Date.now());
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

describe('clerks as people, and a password recovered from the supervision pages', () => {
  it('shows the clerk in the counter header by photo and name, Latin on en and ru', { timeout: 120_000 }, async () => {
    // The counter holds the photo once it synced.
    await expect.poll(() => (office.counter.db.prepare("SELECT photo IS NOT NULL AS p FROM staff WHERE login = 'wang.fang'").get() as { p: number } | undefined)?.p, POLL).toBe(1);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${office.counter.url}/counter`);
    await page.getByTestId('login-user').fill('wang.fang');
    await page.getByTestId('login-password').fill(CLERK_PASSWORD);
    await page.getByTestId('login-counter').fill('1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('counter-staff').waitFor(POLL);
    await expect.poll(() => page.getByTestId('counter-staff-photo').getAttribute('data-photo'), POLL).toBe('yes');
    expect(await page.getByTestId('counter-staff').textContent()).toContain('王芳');
    expect(await page.getByTestId('counter-staff').textContent()).not.toContain('wang.fang');
    await shot(page, 'counter-header-zh-CN');
    for (const lang of ['en', 'ru'] as const) {
      await page.getByTestId('counter-lang').selectOption(lang);
      await expect.poll(() => page.getByTestId('counter-staff').textContent(), POLL).toContain('Wang Fang');
      await shot(page, `counter-header-${lang}`);
    }
    await page.close();
  });

  it('lets an office user reset the clerk’s password: shown once, logged, the old one refused', { timeout: 180_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${office.url}/supervisor`);
    await page.getByTestId('sv-login-user').fill('sun.min');
    await page.getByTestId('sv-login-password').fill(OFFICE_PASSWORD);
    await page.getByTestId('sv-login-submit').click();
    await page.getByTestId('sv-nav-staff').click();
    const row = page.locator('[data-testid="sv-staff-row"][data-login="wang.fang"]');
    await row.waitFor(POLL);
    expect(await row.textContent()).toContain('王芳');
    expect(await page.locator('[data-testid="sv-staff-reset"][data-login="sun.min"]').count()).toBe(0);

    // Asked first; cancelling changes nothing.
    await row.getByTestId('sv-staff-reset').click();
    await row.getByTestId('sv-staff-confirm-no').click();
    expect(await page.getByTestId('sv-staff-new-password').count()).toBe(0);
    await row.getByTestId('sv-staff-reset').click();
    expect(await row.getByTestId('sv-staff-confirm').textContent()).toContain('王芳');
    await shot(page, 'supervision-reset-confirm-zh-CN');
    await row.getByTestId('sv-staff-confirm-yes').click();
    await page.getByTestId('sv-staff-new-password').waitFor(POLL);
    const password = (await page.getByTestId('sv-staff-password').textContent())!.trim();
    expect(password).toMatch(/^\S{16,}$/);
    const logged = page.locator('[data-testid="sv-staff-reset-row"][data-login="wang.fang"]');
    await logged.waitFor(POLL);
    expect(await logged.textContent()).toContain('孙敏');
    expect(await page.getByTestId('sv-staff-resets').textContent()).not.toContain(password);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'supervision-reset-shown-zh-CN');

    for (const lang of ['en', 'ru'] as const) {
      await page.getByTestId('sv-lang').selectOption(lang);
      await expect.poll(() => page.getByTestId('sv-nav-staff').textContent(), POLL).toBe(lang === 'en' ? 'Staff accounts' : 'Учётные записи');
      // The same person by the same name everywhere on the page: the table, the new password, the log.
      expect(await logged.textContent()).toContain('Wang Fang');
      expect(await logged.textContent()).toContain('Sun Min');
      expect(await page.getByTestId('sv-staff-new-password').textContent()).toContain('Wang Fang');
      await shot(page, `supervision-reset-shown-${lang}`);
    }
    // Shown once: after closing it, or on reload, the password is gone from the page.
    await page.getByTestId('sv-staff-password-done').click();
    await page.reload();
    await page.locator('[data-testid="sv-staff-row"][data-login="wang.fang"]').waitFor(POLL);
    expect(await page.content()).not.toContain(password);
    await page.close();

    const serverLogin = (pw: string) => api(office.url, 'POST', '/api/staff/login', { login: 'wang.fang', password: pw });
    expect((await serverLogin(CLERK_PASSWORD)).status).toBe(401);
    expect((await serverLogin(password)).status).toBe(200);
    // The counter learns the new hash through the change feed.
    const counterLogin = (pw: string) => api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: pw, counterNo: 1 });
    await expect.poll(async () => (await counterLogin(password)).status, POLL).toBe(200);
    expect((await counterLogin(CLERK_PASSWORD)).status).not.toBe(200);
  });
});

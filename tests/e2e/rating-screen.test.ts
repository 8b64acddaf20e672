import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_EVENT, type RatingRecord } from '../../core/contract/index.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putStaff } from '../../core/queue/reference.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import sharp from 'sharp';
import { preparePhoto } from '../../server/staff/photo.js';
import { launchChromium, shot } from './browser.js';

// The customer-facing rating screen (/rating) in Chromium against a real counter terminal with the
// central server unreachable: the counter's finish brings the service up, the visitor rates once,
// and a visitor who walks away leaves the screen idle again (recorded as not rated).

let svc: RunningService;
let browser: Browser;
let page: Page;
let token: string;
const POLL = { timeout: 15_000, interval: 100 };
const SLOW = { timeout: 60_000 };

const call = async (method: 'GET' | 'POST', url: string, body?: unknown, auth?: string) => {
  const res = await svc.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
};
/** A walk-in ticket called and finished at counter 5. */
const serveOne = async (): Promise<{ id: string; number: string }> => {
  const issued = await call('POST', '/api/queue/tickets', { service: 'B', lang: 'zh-CN', print: false });
  await call('POST', '/api/counter/actions', { action: 'call', number: issued.ticket.number }, token);
  return (await call('POST', '/api/counter/actions', { action: 'finish' }, token)).ticket;
};
const ratings = () => pendingEvents(svc.db).filter((e) => e.type === RATING_EVENT).map((e) => e.payload as RatingRecord);
const view = () => page.getByTestId('rating-screen').getAttribute('data-view');

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  // The shortest rating window allowed, so the walk-away case does not wait two minutes.
  svc = await startTestService({ RATING_SECONDS: '10' });
  const salt = randomBytes(16);
  const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('correct horse battery', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
  // A portrait with a head-like disc, as `server:admin -- staff photo` makes it (240×320 JPEG).
  const face = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800" fill="#cfe0f0"/><circle cx="300" cy="300" r="150" fill="#e8b894"/><rect x="120" y="500" width="360" height="300" rx="120" fill="#2a4d7a"/></svg>',
  );
  const photo = (await preparePhoto(await sharp(face).png().toBuffer())).toString('base64');
  putStaff(svc.db, { login: 'li.na', name: '李娜', latinName: 'Li Na', number: '0102', role: 'clerk', passwordHash: hash, disabled: false, photo });
  token = (await call('POST', '/api/counter/login', { login: 'li.na', password: 'correct horse battery', counterNo: 5 })).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

describe('the rating screen', SLOW, () => {
  it('shows who is at this window while idle: photo, name (Latin on en and ru), staff number', { timeout: 120_000 }, async () => {
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
      const p = await browser.newPage({ viewport });
      for (const lang of ['zh-CN', 'en', 'ru'] as const) {
        await p.goto(`${svc.url}/rating?lang=${lang}`);
        await p.getByTestId('rating-window-clerk').waitFor(POLL);
        expect(await p.getByTestId('rating-window-name').textContent()).toBe(lang === 'zh-CN' ? '李娜' : 'Li Na');
        expect(await p.getByTestId('rating-window-number').textContent()).toBe('0102');
        const img = p.getByTestId('rating-window-photo');
        expect(await img.getAttribute('data-photo')).toBe('yes');
        // The photo really shows (decoded at its size), not a broken image.
        expect(await img.evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight])).toEqual([240, 320]);
        expect(await img.getAttribute('alt')).toContain(lang === 'zh-CN' ? '李娜' : 'Li Na');
        const box = (await p.getByTestId('rating-window-clerk').boundingBox())!;
        expect(box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await shot(p, `rating-idle-${viewport.width}x${viewport.height}-${lang}`);
      }
      await p.close();
    }
  });

  it('waits idle, then shows who served and takes a bad rating with its reasons, once', async () => {
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(svc.url + '/rating');
    await page.getByTestId('rating-idle').waitFor();

    const served = await serveOne();
    await page.getByTestId('rating-service').waitFor(POLL);
    expect(await page.getByTestId('rating-service').getAttribute('data-service-id')).toBe(served.id);
    expect(await page.getByTestId('rating-clerk').textContent()).toBe('李娜');
    expect(await page.getByTestId('rating-clerk-number').textContent()).toBe('0102');
    expect(await page.getByTestId('rating-clerk-photo').getAttribute('data-photo')).toBe('yes');
    await shot(page, 'rating-service-1920x1080-zh-CN');
    expect(await page.getByTestId('rating-counter').textContent()).toBe('5 号窗口');
    expect(await page.getByTestId('rating-matter').textContent()).toBe('外商投资与境外投资');
    expect(await page.getByTestId('rating-ticket').textContent()).toBe(served.number);
    const words = await page.locator('[data-testid^="rating-level-"] .rating-word').allTextContents();
    expect(words).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    for (const level of [5, 1]) expect((await page.getByTestId(`rating-level-${level}`).boundingBox())!.height).toBeGreaterThanOrEqual(60);

    await page.getByTestId('rating-level-1').click();
    expect(await page.getByTestId('rating-submit').isDisabled()).toBe(true);
    // "Write with the on-screen keyboard" is drawn like the screen's other buttons, never the browser's default.
    const looks = (id: string) => page.getByTestId(id).evaluate((e) => [getComputedStyle(e).borderTopColor, getComputedStyle(e).borderRadius, getComputedStyle(e).fontSize]);
    expect(await looks('rating-comment-keyboard')).toEqual(await looks('rating-back'));
    expect((await page.getByTestId('rating-comment-keyboard').boundingBox())!.height).toBeGreaterThanOrEqual(60);
    await shot(page, 'rating-reasons-1920x1080-zh-CN');
    await page.getByTestId('rating-reason-attitude').click();
    await page.getByTestId('rating-reason-repeat-visits').click();
    await page.getByTestId('rating-reason-attitude').click();
    await page.getByTestId('rating-reason-unresolved').click();
    await page.getByTestId('rating-comment').fill('跑了三次还没办成');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-thanks').waitFor();
    expect(ratings()).toMatchObject([{ serviceId: served.id, level: 1, reasons: ['repeat-visits', 'unresolved'], comment: '跑了三次还没办成', channel: 'counter', counterNo: 5 }]);
    await expect.poll(view, POLL).toBe('idle');
  });

  it('takes a good rating in one tap, in the language chosen on the screen', async () => {
    await page.getByTestId('rating-lang-en').click();
    const served = await serveOne();
    await page.getByTestId('rating-service').waitFor(POLL);
    expect(await page.getByTestId('rating-counter').textContent()).toBe('Counter 5');
    expect(await page.getByTestId('rating-clerk').textContent()).toBe('Li Na');
    await shot(page, 'rating-service-1920x1080-en');
    expect(await page.getByTestId('rating-matter').textContent()).toBe('Foreign and outward investment');
    await page.getByTestId('rating-level-4').click();
    await page.getByTestId('rating-thanks').waitFor();
    expect(await page.getByTestId('rating-thanks').textContent()).toContain('Thank you for your rating!');
    expect(ratings().find((r) => r.serviceId === served.id)).toMatchObject({ level: 4, reasons: [], comment: null, matter: '外商投资与境外投资' });
  });

  it('goes back to idle when the visitor walks away, recording the service as not rated', async () => {
    await expect.poll(view, POLL).toBe('idle');
    const served = await serveOne();
    await page.getByTestId('rating-service').waitFor(POLL);
    await expect.poll(view, { timeout: 30_000, interval: 200 }).toBe('idle');
    expect(ratings().find((r) => r.serviceId === served.id)).toMatchObject({ level: null });
  });

  it('fits a portrait tablet, with words on every level', async () => {
    await page.close();
    page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    await page.goto(svc.url + '/rating?lang=ru');
    await page.getByTestId('rating-idle').waitFor();
    expect(await page.getByTestId('rating-lang-ru').getAttribute('aria-pressed')).toBe('true');
    await serveOne();
    await page.getByTestId('rating-service').waitFor(POLL);
    const box = (await page.getByTestId('rating-level-1').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(800);
    expect(await page.getByTestId('rating-clerk').textContent()).toBe('Li Na');
    expect(await page.getByTestId('rating-level-1').textContent()).toContain('Очень недоволен');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(800);
  });

  it('serves in portrait at 1080×1920 with the photo beside the name', { timeout: 120_000 }, async () => {
    await page.close();
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(svc.url + '/rating?lang=zh-CN');
    await page.getByTestId('rating-idle').waitFor();
    await serveOne();
    await page.getByTestId('rating-service').waitFor(POLL);
    expect(await page.getByTestId('rating-clerk-photo').getAttribute('data-photo')).toBe('yes');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
    await shot(page, 'rating-service-1080x1920-zh-CN');
    // A new service in Russian (the last one lapses after RATING_SECONDS, 10 s here).
    await page.goto(svc.url + '/rating?lang=ru');
    await page.getByTestId('rating-idle').waitFor(POLL);
    await serveOne();
    await expect.poll(async () => `${await view()} ${await page.getByTestId('rating-clerk').textContent({ timeout: 2_000 }).catch(() => '-')}`, POLL).toBe('rate Li Na');
    await shot(page, 'rating-service-1080x1920-ru');
  });

  it('says the window is closed once the clerk signs out', { timeout: 120_000 }, async () => {
    await call('POST', '/api/counter/logout', {}, token);
    for (const [lang, words] of [['zh-CN', '本窗口暂停服务'], ['en', 'This counter is closed'], ['ru', 'Окно не работает']] as const) {
      await page.goto(`${svc.url}/rating?lang=${lang}`);
      await page.getByTestId('rating-window-closed').waitFor(POLL);
      expect(await page.getByTestId('rating-window-closed').textContent()).toContain(words);
      expect(await page.getByTestId('rating-window-clerk').count()).toBe(0);
      await shot(page, `rating-closed-1080x1920-${lang}`);
    }
  });
});

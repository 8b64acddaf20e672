import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putAppointment } from '../../core/queue/reference.js';
import { ROOT } from '../../terminal/config.js';
import { todaysAppointment } from '../../terminal/test-appointments.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium, shot } from './browser.js';

// The kiosk's flows that used to leave a visitor stuck, in Chromium against real terminal services
// that have never reached a central server: one configured with no printer (a screen-only kiosk),
// one printing to preview files, and one whose configured printer is down (a TCP port nobody listens on).

let screenOnly: RunningService;
let printing: RunningService;
let down: RunningService;
const slips = tempDir('hall-next-slips-');
let browser: Browser;
let page: Page;
const POLL = { timeout: 15_000, interval: 100 };
/** Several page loads per test: room for a loaded CI machine (this bounds a hang; it asserts no speed). */
const SLOW = { timeout: 120_000 };
const LANGS = ['zh-CN', 'en', 'ru'] as const;
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((done) => srv.close(() => done()));
  return port;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  [screenOnly, printing, down] = await Promise.all([
    startTestService(),
    startTestService({ PRINTER: `preview:${slips.dir}` }),
    closedPort().then((port) => startTestService({ PRINTER: `tcp://127.0.0.1:${port}` })),
  ]);
  expect(await down.runtime.printer.probe()).toBe('offline');
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([screenOnly?.stop(), printing?.stop(), down?.stop()]);
  slips.cleanup();
});

async function open(svc: RunningService, path: string, opts: { viewport?: { width: number; height: number }; lang?: string; elderly?: boolean } = {}) {
  await page?.close();
  page = await browser.newPage({ viewport: opts.viewport ?? PORTRAIT });
  await page.goto(svc.url + path);
  if (opts.lang && opts.lang !== 'zh-CN') await page.getByTestId('lang-switch').locator(`[data-lang="${opts.lang}"]`).click();
  if (opts.elderly) await page.getByTestId('elderly-toggle').click();
}

const text = (id: string) => page.getByTestId(id).textContent();
const tap = (digits: string) => digits.split('').reduce((p, k) => p.then(() => page.getByTestId('numpad').locator(`[data-key="${k}"]`).click()), Promise.resolve());

/** The element lies wholly in sight: inside the viewport and above the kiosk's bottom bar (without scrolling, unless `scrolled`). */
async function onFirstScreen(id: string, what: string, scrolled = false) {
  if (!scrolled) expect(await page.locator('.kiosk-main').evaluate((m) => m.scrollTop), `${what}: the screen was scrolled`).toBe(0);
  const box = (await page.getByTestId(id).boundingBox())!;
  const bar = (await page.locator('.kiosk-nav').boundingBox())!;
  expect(box.y, `${what}: ${id} top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: ${id} bottom`).toBeLessThanOrEqual(bar.y);
}

/** axe-core's serious and critical findings on the page as it is now: none expected. */
async function axeFindings(what: string) {
  // Evaluated through the debugging protocol: the screens' CSP (rightly) refuses an injected script tag.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    const res = await axe.run(document);
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect(found, what).toEqual([]);
}

async function noHorizontalOverflow(what: string) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: page wider than the screen`).toBeLessThanOrEqual(inner);
}

describe('the opinion box', SLOW, () => {
  it('keeps “submit” on the first screen of its last step at 1080×1920 and 1920×1080, in each language and in elderly mode; the empty phone reads as a hint', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      for (const lang of LANGS) {
        for (const elderly of [false, true]) {
          const what = `${viewport.width}×${viewport.height} ${lang}${elderly ? ' elderly' : ''}`;
          await open(screenOnly, '/kiosk/opinion', { viewport, lang, elderly });
          await page.getByTestId('opinion-kind-complaint').click();
          await page.getByTestId('opinion-text').fill('窗口工作人员让我来回跑了三趟');
          await onFirstScreen('opinion-next', what);
          await page.getByTestId('opinion-next').click();
          await page.getByTestId('opinion-prohibition-none').waitFor();
          await onFirstScreen('opinion-submit', what);
          expect(await page.getByTestId('opinion-submit').isEnabled(), what).toBe(true);
          await noHorizontalOverflow(what);
          if (!elderly && viewport === PORTRAIT) await axeFindings(what);
          const placeholder = page.getByTestId('opinion-phone').locator('.feedback-placeholder');
          expect(await placeholder.evaluate((e) => getComputedStyle(e).fontStyle), what).toBe('italic');
          expect(await page.getByTestId('opinion-phone').getAttribute('data-value'), what).toBe('');
          await shot(page, `opinion-extras-${viewport.width}x${viewport.height}-${lang}${elderly ? '-elderly' : ''}`);
          // The phone and its pad are further down: in portrait a cue says so, until the end is in sight.
          if (viewport === PORTRAIT) await page.getByTestId('opinion-more').waitFor();
          await page.locator('.kiosk-main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
          await expect.poll(() => page.getByTestId('opinion-more').count(), POLL).toBe(0);
          const pad = (await page.getByTestId('numpad').boundingBox())!;
          const footer = (await page.locator('.opinion-footer').boundingBox())!;
          expect(pad.y + pad.height, `${what}: the pad's last row under the buttons`).toBeLessThanOrEqual(footer.y);
          await shot(page, `opinion-extras-end-${viewport.width}x${viewport.height}-${lang}${elderly ? '-elderly' : ''}`);
        }
      }
    }
    // The hint, word for word, is no value that looks filled in.
    await open(screenOnly, '/kiosk/opinion');
    await page.getByTestId('opinion-kind-opinion').click();
    await page.getByTestId('opinion-text').fill('大厅里需要更多椅子');
    await page.getByTestId('opinion-next').click();
    expect(await text('opinion-phone')).toBe('用下方数字键输入，不填也可以');
    await tap('138');
    expect(await text('opinion-phone')).toBe('138');
  });
});

describe('a kiosk with no printer', SLOW, () => {
  it('issues a ticket at one tap and shows it on screen calmly, with no warning', async () => {
    for (const [lang, viewport, elderly] of LANGS.flatMap((l) => [[l, PORTRAIT, false], [l, LANDSCAPE, l === 'ru'], [l, PORTRAIT, true]] as const)) {
      await open(screenOnly, '/kiosk/ticket', { lang, viewport, elderly });
      await expect.poll(() => page.getByTestId('queue-line').count(), POLL).toBe(5);
      expect(await page.getByTestId('printer-warning').count(), lang).toBe(0);
      await page.locator('[data-testid=queue-line][data-code=A]').click();
      await page.getByTestId('ticket-view').waitFor();
      expect(await page.getByTestId('printer-down-notice').count(), lang).toBe(0);
      const note = page.getByTestId('ticket-print');
      expect(await note.getAttribute('data-print')).toBe('no-printer');
      expect(await note.getAttribute('class')).toContain('on-screen');
      // Calm: the note is drawn in the primary colour, not the warning colour of a failed printer.
      const [border, accent, primary] = await note.evaluate((e) => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const colour = (v: string) => ((probe.style.color = `var(${v})`), getComputedStyle(probe).color);
        const out = [getComputedStyle(e).borderTopColor, colour('--accent'), colour('--primary')];
        probe.remove();
        return out;
      });
      expect(border).not.toBe(accent);
      expect(border).toBe(primary);
      // "Done" is on the first screen; where the ticket is taller than the screen, a cue says more is below.
      const what = `ticket ${viewport.width}×${viewport.height} ${lang}${elderly ? ' elderly' : ''}`;
      await onFirstScreen('ticket-done', what);
      await noHorizontalOverflow(what);
      // The number on one line, however large the type.
      expect(await page.getByTestId('ticket-number').evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))), what).toBe(1);
      const tall = await page.locator('.kiosk-main').evaluate((m) => m.scrollHeight > m.clientHeight + 1);
      if (tall) {
        await page.getByTestId('ticket-more').waitFor();
        await page.locator('.kiosk-main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
        await expect.poll(() => page.getByTestId('ticket-more').count(), POLL).toBe(0);
        await page.locator('.kiosk-main').evaluate((m) => m.scrollTo(0, 0));
      }
      if (viewport === PORTRAIT && !elderly) await axeFindings(`ticket ${lang}`);
      await shot(page, `ticket-no-printer-${viewport.width}x${viewport.height}-${lang}${elderly ? '-elderly' : ''}`);
    }
    expect(await text('ticket-print')).toBe('Талон показан на экране. Запишите номер или сфотографируйте его.');
  });

  it('checks in with no warning, and files an opinion whose receipt is shown on screen calmly', async () => {
    putAppointment(screenOnly.db, todaysAppointment(screenOnly, { code: '424242', enterprise: '黑龙江龙江拍卖有限公司', phoneMasked: '138****8801', phoneLast4: '8801', matter: '拍卖企业从事拍卖业务许可', service: 'C' }));
    await open(screenOnly, '/kiosk/checkin');
    await tap('4242428801');
    await page.getByTestId('checkin-submit').click();
    await expect.poll(() => page.getByTestId('ticket-print').getAttribute('data-print'), POLL).toBe('no-printer');
    expect(await page.getByTestId('ticket-print').getAttribute('class')).toContain('on-screen');
    expect(await text('ticket-print')).toBe('号票显示在屏幕上。请记下您的号码或用手机拍下。');

    await open(screenOnly, '/kiosk/opinion');
    await page.getByTestId('opinion-kind-suggestion').click();
    await page.getByTestId('opinion-text').fill('大厅里需要更多椅子');
    await page.getByTestId('opinion-next').click();
    await page.getByTestId('opinion-submit').click();
    await page.getByTestId('opinion-filed').waitFor();
    expect(await page.getByTestId('opinion-print').getAttribute('data-print')).toBe('no-printer');
    expect(await page.getByTestId('opinion-print').getAttribute('class')).toContain('on-screen');
    expect(await text('opinion-print')).toBe('回执显示在屏幕上。请记下查询码或用手机拍下。');
    await shot(page, 'opinion-filed-no-printer-zh-CN');
  });

  it('a configured printer that is down still warns before the ticket, and the ticket says the printer failed', async () => {
    await open(down, '/kiosk/ticket');
    await expect.poll(() => page.getByTestId('queue-line').count(), POLL).toBe(5);
    expect(await text('printer-warning')).toContain('打印机暂不可用');
    await page.locator('[data-testid=queue-line][data-code=B]').click();
    await page.getByTestId('printer-down-notice').waitFor();
    await shot(page, 'ticket-printer-down-notice-zh-CN');
    await page.getByTestId('ticket-on-screen').click();
    await page.getByTestId('ticket-view').waitFor();
    expect(await page.getByTestId('ticket-print').getAttribute('class')).toContain('note-number');
    const [border, accent] = await page.getByTestId('ticket-print').evaluate((e) => {
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = 'var(--accent)';
      const out = [getComputedStyle(e).borderTopColor, getComputedStyle(probe).color];
      probe.remove();
      return out;
    });
    expect(border).toBe(accent);
    await shot(page, 'ticket-printer-down-zh-CN');
  });

  it('a printer that works prints at one tap, as before', async () => {
    await open(printing, '/kiosk/ticket');
    await expect.poll(() => page.getByTestId('queue-line').count(), POLL).toBe(5);
    expect(await page.getByTestId('printer-warning').count()).toBe(0);
    await page.locator('[data-testid=queue-line][data-code=A]').click();
    await expect.poll(() => page.getByTestId('ticket-print').getAttribute('data-print'), POLL).toBe('queued');
  });
});

describe('the negative list', SLOW, () => {
  it('shows the supervision phone and a “report a breach” on each of the eleven items, in each language', async () => {
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      for (const lang of LANGS) {
        for (const elderly of [false, true]) {
          const what = `${viewport.width}×${viewport.height} ${lang}${elderly ? ' elderly' : ''}`;
          await open(screenOnly, '/kiosk/prohibitions', { viewport, lang, elderly });
          await expect.poll(() => page.getByTestId('prohibition-report').count(), POLL).toBe(11);
          expect(await text('prohibitions-phone'), what).toContain('0451-82627115');
          await onFirstScreen('prohibitions-phone', what);
          const heights = await page.getByTestId('prohibition-report').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
          expect(Math.min(...heights), what).toBeGreaterThanOrEqual(elderly ? 60 : 44);
          await noHorizontalOverflow(what);
          if (!elderly && viewport === PORTRAIT) await axeFindings(what);
          await shot(page, `prohibitions-${viewport.width}x${viewport.height}-${lang}${elderly ? '-elderly' : ''}`);
        }
      }
    }
    expect(await text('prohibitions-phone')).toContain('Телефон для жалоб');
  });

  it('“report a breach” opens the opinion box as a complaint citing that item, and the filed complaint carries it', async () => {
    await open(screenOnly, '/kiosk/prohibitions');
    await expect.poll(() => page.getByTestId('prohibition-report').count(), POLL).toBe(11);
    await page.locator('[data-testid=prohibition-report][data-no="4"]').click();
    await page.getByTestId('opinion-screen').waitFor();
    expect(await page.evaluate(() => location.pathname)).toBe('/kiosk/report/4');
    expect(await page.getByTestId('opinion-screen').getAttribute('data-step')).toBe('text');
    await expect.poll(() => text('opinion-cited'), POLL).toContain('四不准在电话中对市场主体和群众的咨询推三阻四');
    expect(await text('opinion-cited')).toContain('第 4 条');
    await shot(page, 'opinion-cited-zh-CN');
    await page.getByTestId('opinion-text').fill('打电话咨询时被推来推去');
    await page.getByTestId('opinion-next').click();
    expect(await page.getByTestId('opinion-prohibition-4').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('opinion-submit').click();
    await page.getByTestId('opinion-filed').waitFor();
    const code = (await text('opinion-code'))!.trim();
    const filed = pendingEvents(screenOnly.db).find((e) => e.type === OPINION_EVENT && (e.payload as { trackingCode: string }).trackingCode === code)!;
    expect(filed.payload).toMatchObject({ kind: 'complaint', prohibition: 4, text: '打电话咨询时被推来推去' });
  });

  it('the cited item can be changed or dropped before submitting, and a going back leads to the kinds', async () => {
    await open(screenOnly, '/kiosk/report/11', { lang: 'en' });
    await expect.poll(() => text('opinion-cited'), POLL).toContain('prohibition 11');
    await page.getByTestId('opinion-text').fill('Abuse of power at the counter');
    await page.getByTestId('opinion-next').click();
    await page.getByTestId('opinion-prohibition-none').click();
    await page.getByTestId('opinion-submit').click();
    await page.getByTestId('opinion-filed').waitFor();
    const code = (await text('opinion-code'))!.trim();
    const filed = pendingEvents(screenOnly.db).find((e) => e.type === OPINION_EVENT && (e.payload as { trackingCode: string }).trackingCode === code)!;
    expect(filed.payload).toMatchObject({ kind: 'complaint', prohibition: null });

    await open(screenOnly, '/kiosk/report/2');
    await page.getByTestId('opinion-prev').click();
    expect(await page.getByTestId('opinion-screen').getAttribute('data-step')).toBe('kind');
    expect(await page.getByTestId('opinion-kind-complaint').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('a failed check-in', SLOW, () => {
  it('an unknown code offers a walk-in ticket, which is taken at one tap', async () => {
    // Five wrong codes in a row make a kiosk wait (the guard against guessing): portrait on one kiosk, landscape on another.
    for (const lang of LANGS) {
      for (const [svc, viewport] of [[screenOnly, PORTRAIT], [printing, LANDSCAPE]] as const) {
        await open(svc, '/kiosk/checkin', { viewport, lang, elderly: lang === 'ru' });
        await tap('9999998801');
        await page.getByTestId('checkin-submit').click();
        await expect.poll(() => page.getByTestId('queue-error').getAttribute('data-kind'), POLL).toBe('not-found');
        // Where the visitor is (they may have scrolled to reach "check in"), the error and its way on are in sight.
        await shot(page, `checkin-not-found-${viewport.width}x${viewport.height}-${lang}${lang === 'ru' ? '-elderly' : ''}`);
        await onFirstScreen('queue-error', `${lang} ${viewport.width}`, true);
        if (viewport === PORTRAIT) await axeFindings(`check-in ${lang}`);
      }
    }
    await open(screenOnly, '/kiosk/checkin');
    await tap('9999998801');
    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('checkin-walk-in').click();
    await page.getByTestId('take-ticket').waitFor();
    await expect.poll(() => page.getByTestId('queue-line').count(), POLL).toBe(5);
    await page.locator('[data-testid=queue-line][data-code=E]').click();
    await expect.poll(() => text('ticket-number'), POLL).toMatch(/^K-E\d{3}$/);
    expect(await page.getByTestId('ticket-view').textContent()).not.toContain('签到成功');
  });

  it('no appointment for the phone’s last four offers the walk-in ticket too', async () => {
    await open(screenOnly, '/kiosk/checkin');
    await page.getByTestId('checkin-mode-phone').click();
    await tap('0000');
    await page.getByTestId('phone-lookup').click();
    await page.getByTestId('phone-none').waitFor();
    await page.getByTestId('checkin-walk-in').click();
    await page.getByTestId('take-ticket').waitFor();
  });
});

describe('the search hint', SLOW, () => {
  it('names the on-screen keyboard without saying it is below (it is above the results, or beside them in landscape)', async () => {
    const hints: string[] = [];
    for (const lang of LANGS) {
      for (const viewport of [PORTRAIT, LANDSCAPE]) {
        await open(screenOnly, '/kiosk/search', { viewport, lang });
        const hint = page.locator('.hint-card p').first();
        const [hintBox, keysBox] = [(await hint.boundingBox())!, (await page.getByTestId('osk').boundingBox())!];
        // Where the keyboard really is, so the words below must not give a direction.
        expect(keysBox.y < hintBox.y || keysBox.x > hintBox.x + hintBox.width - 1).toBe(true);
        hints.push((await hint.textContent())!);
        await shot(page, `search-${viewport.width}x${viewport.height}-${lang}`);
      }
    }
    expect(hints).toContain('可用屏幕键盘输入拼音或拼音首字母，结果会随输入即时显示。');
    for (const h of hints) expect(h).not.toMatch(/下方|below|ниже/);
  });
});

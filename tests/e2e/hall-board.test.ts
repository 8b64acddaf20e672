import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putStaff } from '../../core/queue/reference.js';
import { buildTerminalApp } from '../../terminal/app.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { FAKE_SPEECH, spoken } from './board-speech.js';
import { launchChromium, shot } from './browser.js';

// The call board (/hall) and the sync status screen (/status) in Chromium against a real terminal
// service that has never reached a central server: tickets carry its prefix K-.

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Audio as a hall TV's browser has it before anyone clicked. Whether Chromium blocks it depends on
 * the build, the flags and how the page was opened, so the blocked state is pinned here.
 */
const AUDIO_BLOCKED = `
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(...args) { super(...args); this.blocked = true; }
    get state() { return this.blocked ? 'suspended' : super.state; }
    resume() { this.blocked = false; return super.resume(); }
  };
`;

let svc: RunningService;
let browser: Browser;
/** The service's HTTP side started again after the outage test closed it. */
let revived: FastifyInstance | undefined;
const POLL = { timeout: 30_000, interval: 100 };
const SLOW = 90_000;

async function api(method: 'GET' | 'POST', url: string, body?: unknown, token?: string) {
  const res = await svc.app.inject({
    method,
    url,
    headers: { host: '127.0.0.1', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    payload: body ? JSON.stringify(body) : undefined,
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json();
}
const signIn = async (login: string, counterNo: number) => (await api('POST', '/api/counter/login', { login, password: 'correct horse battery', counterNo })).token as string;
const take = async (service: string) => (await api('POST', '/api/queue/tickets', { service, lang: 'zh-CN', print: false })).ticket.number as string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService({ ROLE: 'hall' });
  for (const [login, name, number] of [['wang.fang', '王芳', '0101'], ['zhang.wei', '张伟', '0103']] as const) {
    putStaff(svc.db, { login, name, number, role: 'clerk', passwordHash: scryptHash('correct horse battery'), disabled: false });
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await revived?.close();
  await svc?.stop();
});

async function openBoard(): Promise<{ page: Page; context: BrowserContext }> {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await ctx.addInitScript(FAKE_SPEECH);
  await ctx.addInitScript(AUDIO_BLOCKED);
  const page = await ctx.newPage();
  await page.goto(`${svc.url}/hall`);
  await expect.poll(() => page.getByTestId('hall-counters').isVisible(), POLL).toBe(true);
  return { page, context: ctx };
}

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

describe('call board in Chromium', () => {
  it('shows the hall’s clock and date at its midnight while the browser keeps another zone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    // 23:59 on 1 December in Harbin is 07:59 that morning in the browser's Los Angeles.
    await page.clock.setFixedTime(new Date('2026-12-01T15:59:00Z'));
    await page.goto(`${svc.url}/hall`);
    await expect.poll(() => text(page, 'hall-clock'), POLL).toBe('23:59');
    expect(await text(page, 'hall-date')).toBe('12月1日星期二');
    expect(await page.evaluate(() => new Date().getHours())).toBe(7);
    await page.clock.setFixedTime(new Date('2026-12-01T16:01:00Z'));
    await expect.poll(() => text(page, 'hall-clock'), POLL).toBe('00:01');
    expect(await text(page, 'hall-date')).toBe('12月2日星期三');
    await ctx.close();
  });

  it('asks once for sound, then shows, flashes and announces each call; a recall is announced again', async () => {
    const { page, context } = await openBoard();
    await expect.poll(() => page.getByTestId('hall-sound-prompt').isVisible(), POLL).toBe(true);
    await page.getByTestId('hall-sound-enable').click();
    await expect.poll(() => page.getByTestId('hall-sound-prompt').count()).toBe(0);
    expect(await page.getByTestId('hall-sound-toggle').getAttribute('aria-pressed')).toBe('true');

    const first = await take('A');
    await take('A');
    await expect.poll(() => text(page, 'hall-waiting-A-count'), POLL).toBe('2 人等候');

    const token = await signIn('wang.fang', 1);
    await api('POST', '/api/counter/actions', { action: 'call-next' }, token);
    await expect.poll(() => text(page, 'hall-counter-1-number'), POLL).toBe(first);
    expect(await text(page, 'hall-counter-1')).toBe(`${first}→1号窗口`);
    expect(await page.getByTestId('hall-counter-1').getAttribute('class')).toContain('flash');
    expect(await page.getByTestId('hall-recent-item').first().getAttribute('data-number')).toBe(first);
    await expect.poll(() => text(page, 'hall-waiting-A-count'), POLL).toBe('1 人等候');
    const sentence = '请 K A 零 零 一 号到 1 号窗口办理';
    expect(first).toBe('K-A001');
    await expect.poll(() => spoken(page), POLL).toEqual([sentence]);

    // The flash ends by itself after a few seconds; the number stays.
    await expect.poll(async () => page.getByTestId('hall-counter-1').getAttribute('class'), { timeout: 20_000, interval: 250 }).not.toContain('flash');

    await api('POST', '/api/counter/actions', { action: 'recall' }, token);
    await expect.poll(() => spoken(page), POLL).toEqual([sentence, sentence]);
    await expect.poll(() => page.getByTestId('hall-counter-1').getAttribute('class'), POLL).toContain('flash');
    expect(await page.getByTestId('hall-recent-item').count()).toBe(1);
    await context.close();
  }, SLOW);

  it('remembers "stay silent": no prompt after a reload, and calls are shown but not said', async () => {
    const { page, context } = await openBoard();
    await expect.poll(() => page.getByTestId('hall-sound-prompt').isVisible(), POLL).toBe(true);
    await page.getByTestId('hall-sound-mute').click();
    await expect.poll(() => page.getByTestId('hall-sound-prompt').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('hall-counters').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('hall-sound-prompt').count()).toBe(0);
    expect(await page.getByTestId('hall-sound-toggle').getAttribute('aria-pressed')).toBe('false');

    const number = await take('B');
    const token = await signIn('zhang.wei', 3);
    await api('POST', '/api/counter/actions', { action: 'call-next' }, token);
    await expect.poll(() => text(page, 'hall-counter-3-number'), POLL).toBe(number);
    expect(await spoken(page)).toEqual([]);
    await context.close();
  }, SLOW);

  it('shows English with ?lang=en, and never asks for sound where the browser allows it (Electron, kiosk flags)', async () => {
    const allowed = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    try {
      const page = await allowed.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${svc.url}/hall?lang=en`);
      await expect.poll(() => text(page, 'hall-title'), POLL).toBe('Now calling');
      await expect.poll(() => text(page, 'hall-counter-1'), POLL).toMatch(/^K-A001→Counter 1$/);
      await expect.poll(() => text(page, 'hall-sound-toggle'), POLL).toBe('Sound: on');
      // Past the moment the board waits before it would ask.
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('hall-sound-prompt').count()).toBe(0);
    } finally {
      await allowed.close();
    }
  }, SLOW);

  it('keeps the last data with a "reconnecting" mark while the service is away, and catches up when it is back', async () => {
    const { page, context } = await openBoard();
    const shown = await text(page, 'hall-counter-1-number');
    const number = await take('A');
    const token = await signIn('wang.fang', 1);

    const port = Number(new URL(svc.url).port);
    await svc.app.close();
    await expect.poll(() => page.getByTestId('hall-reconnecting').isVisible(), POLL).toBe(true);
    expect(await text(page, 'hall-counter-1-number')).toBe(shown);

    // Finished and the next called while the board could not hear it: it must show once the channel is back.
    const clerk = svc.runtime.desk.session(token);
    await svc.runtime.desk.act(clerk, { action: 'finish' });
    await svc.runtime.desk.act(clerk, { action: 'call', number });
    revived = await buildTerminalApp(svc.db, svc.config, svc.runtime);
    await revived.listen({ host: '127.0.0.1', port });
    svc.app = revived;

    await expect.poll(() => text(page, 'hall-counter-1-number'), { timeout: 30_000, interval: 100 }).toBe(number);
    await expect.poll(() => page.getByTestId('hall-reconnecting').count(), POLL).toBe(0);
    await context.close();
  }, SLOW);
});

/** Boxes of two elements overlap. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('call board layout in Chromium', () => {
  const SIZES = [
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ];
  for (const lang of ['zh-CN', 'en', 'ru'] as const) {
    it(`${lang}: shows counters nobody signed in at as closed, line names whole, the sound prompt covering nothing`, async () => {
      await signIn('wang.fang', 1);
      for (const viewport of SIZES) {
        const ctx = await browser.newContext({ viewport });
        await ctx.addInitScript(AUDIO_BLOCKED);
        const page = await ctx.newPage();
        await page.goto(`${svc.url}/hall?lang=${lang}`);
        await expect.poll(() => page.getByTestId('hall-sound-prompt').isVisible(), POLL).toBe(true);
        // Counter 2 never had a clerk signed in; counter 1 has one.
        const closed = { 'zh-CN': '暂停服务', en: 'Closed', ru: 'Закрыто' }[lang];
        await expect.poll(() => page.getByTestId('hall-counter-2').getAttribute('data-presence'), POLL).toBe('closed');
        expect(await text(page, 'hall-counter-2-state')).toBe(closed);
        expect(await page.getByTestId('hall-counter-1').getAttribute('data-presence')).toBe('open');
        expect(await page.getByTestId('hall-counter-1-state').count()).toBe(0);

        await shot(page, `hall-${lang}-${viewport.width}x${viewport.height}`);
        // Every line name is shown whole: nothing cut, no ellipsis, nothing past its row.
        const names = await page.locator('.hall-line-name').evaluateAll((els) =>
          els.map((e) => {
            const row = e.parentElement!.getBoundingClientRect();
            const box = e.getBoundingClientRect();
            const cut = e.scrollWidth > e.clientWidth + 1 || box.top < row.top || box.bottom > row.bottom || box.right > row.right;
            return { text: e.textContent, cut, ellipsis: getComputedStyle(e).textOverflow, sizes: [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight] };
          }),
        );
        expect(names.length).toBe(5);
        for (const n of names) expect(n, n.text ?? '').toMatchObject({ cut: false, ellipsis: 'clip' });
        if (lang === 'en') expect(names.map((n) => n.text)).toContain('Certificate pickup and general enquiries');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const waiting = await page.getByTestId('hall-waiting').boundingBox();
        expect(waiting!.y + waiting!.height).toBeLessThanOrEqual(viewport.height);

        // The prompt sits beside the recent calls and the counters, over none of them.
        const prompt = (await page.getByTestId('hall-sound-prompt').boundingBox())!;
        for (const sel of ['.hall-recent', '.hall-current', '.hall-waiting', '.hall-header']) {
          expect(overlaps(prompt, (await page.locator(sel).boundingBox())!), sel).toBe(false);
        }
        await ctx.close();
      }
    }, SLOW);
  }
});

describe('sync status screen in Chromium', () => {
  it('shows a terminal that never reached the central server: offline, not enrolled, events waiting, clock not compared', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(`${svc.url}/status`);
    await expect.poll(() => page.getByTestId('status-online').getAttribute('data-online'), POLL).toBe('false');
    expect(await text(page, 'status-not-enrolled')).toContain('本机尚未注册');
    expect(Number(await page.getByTestId('status-backlog').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await text(page, 'status-last-sync')).toBe('尚未同步');
    expect(await text(page, 'status-clock')).toBe('尚未与中心服务器对时。');
    expect(await text(page, 'status-dead-none')).toBe('没有被拒收的记录。');

    const before = Number(await page.getByTestId('status-backlog').getAttribute('data-count'));
    await take('C');
    await page.getByTestId('status-refresh').click();
    await expect.poll(async () => Number(await page.getByTestId('status-backlog').getAttribute('data-count')), POLL).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('status-refresh').isEnabled(), POLL).toBe(true);
    await context.close();
  }, SLOW);
});

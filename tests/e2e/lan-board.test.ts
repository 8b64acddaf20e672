import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPairing } from '../../core/screens/pairing.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { injector, putTestStaff, TEST_PASSWORD } from '../../terminal/test-staff.js';
import { lanAddress } from '../lan/lan-peer.js';
import { launchChromium, shot } from './browser.js';

// A hall TV's browser on another computer: it reaches the terminal at its LAN address, not loopback.

let svc: RunningService;
let browser: Browser;
let lan: string;
const POLL = { timeout: 30_000, interval: 100 };
const SLOW = 90_000;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService({ HOST: '0.0.0.0', ROLE: 'counter' });
  putTestStaff(svc.db, [['wang.fang', '王芳', '0101']]);
  lan = `http://${lanAddress()}:${new URL(svc.url).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

describe('screens on another computer', () => {
  it('a TV browser shows the board from the LAN address and each call', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${lan}/hall`);
    await expect.poll(() => page.getByTestId('hall-counters').isVisible(), POLL).toBe(true);
    const api = injector(svc.app);
    const number = (await api('POST', '/api/queue/tickets', { service: 'A', print: false })).json.ticket.number as string;
    const token = (await api('POST', '/api/counter/login', { login: 'wang.fang', password: TEST_PASSWORD, counterNo: 1 })).json.token as string;
    expect((await api('POST', '/api/counter/actions', { action: 'call-next' }, token)).status).toBe(200);
    await expect.poll(() => page.getByTestId('hall-counter-1-number').textContent(), POLL).toBe(number);
    expect(await page.getByTestId('hall-reconnecting').count()).toBe(0);
    await page.close();
  }, SLOW);

  it('a kiosk on another PC is paired once with the printed address, then opens the kiosk', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const refused = await page.goto(`${lan}/kiosk`);
    expect(refused?.status()).toBe(403);
    const { code } = startPairing(svc.db, ['kiosk'], 'Kiosk 2', new Date());
    await page.goto(`${lan}/pair?code=WRONG-CODE2`);
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('pair-error').textContent(), POLL).toContain('配对码不正确');
    await shot(page, 'pair-refused-zh-CN-1080x1920');
    await page.getByTestId('pair-code').fill(code);
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.url(), POLL).toBe(`${lan}/kiosk`);
    await expect.poll(() => page.getByTestId('home-take-ticket').isVisible(), POLL).toBe(true);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'hall_screen')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.close();
  }, SLOW);

  it('shows the pairing page in every language, portrait and landscape', async () => {
    for (const [width, height] of [[1080, 1920], [1920, 1080]] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      for (const lang of ['zh-CN', 'en', 'ru']) {
        await page.goto(`${lan}/pair?code=ABCDE-FGHJK&lang=${lang}`);
        await expect.poll(() => page.getByTestId('pair-lang-' + lang).getAttribute('aria-pressed'), POLL).toBe('true');
        await shot(page, `pair-${lang}-${width}x${height}`);
      }
      await page.close();
    }
  }, SLOW);
});

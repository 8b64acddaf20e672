import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDay } from '../../core/common/hall-time.js';
import type { Lang, QueueConflict } from '../../core/contract/index.js';
import { SERVER_ROOT } from '../../server/config.js';
import { closeOutDays, closeOutMoment } from '../../server/queue/close-out.js';
import { createStaff } from '../../server/staff/repository.js';
import type { TerminalService } from '../../terminal/service.js';
import { launchChromium } from './browser.js';
import { api, CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// Issue 10, "Nothing showed any of this": two counter PCs both called A001 while the central server
// was stopped. Once it is back, the counter's /status lists the conflict, and the supervisor's queue
// page lists it with the day's tickets not served and a counter taken over with the supervisor's sign-in. Screenshots go to SCREENSHOT_DIR when it is set.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let counter2: TerminalService;
let browser: Browser;
let number = '';
let conflict: QueueConflict | undefined;
let takenAt = 0;
const POLL = { timeout: 60_000, interval: 250 };

/** Asks again every 250 ms until `ok`, for at most a minute (expect.poll is for tests, not their setup). */
async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + POLL.timeout;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, POLL.interval));
  }
}

const signIn = async (t: TerminalService, login: string, counterNo: number) =>
  (await until(`${login} signed in`, () => api(t.url, 'POST', '/api/counter/login', { login, password: CLERK_PASSWORD, counterNo }), (r) => r.status === 200)).json.token as string;

beforeAll(async () => {
  if (!existsSync(join(SERVER_ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  office = await startHallOffice();
  counter2 = await office.addTerminal('counter-2', ['counter']);
  await createStaff(office.server.db, { login: 'zhao.lei', name: '赵磊', number: 'S01', role: 'supervisor' }, CLERK_PASSWORD, Date.now());
  await createStaff(office.server.db, { login: 'zhang.wei', name: '张伟', number: '0103', role: 'clerk', hall: 'main' }, CLERK_PASSWORD, Date.now());
  const t1 = await signIn(office.counter, 'wang.fang', 1);
  const t2 = await signIn(counter2, 'li.na', 2);
  number = (await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A', print: false })).json.ticket.number;
  const knows = (t: TerminalService, token: string) => until(`${t.url} knows ${number}`, () => api(t.url, 'GET', '/api/counter/queue', undefined, token), (r) => JSON.stringify(r.json).includes(`"number":"${number}"`));
  await knows(office.counter, t1);
  await knows(counter2, t2);

  await office.stopServer();
  // Counter 2 calls it by its number, counter 1 "next"; neither can reach the server. Which one called
  // first is up to the two PCs' clocks, each corrected by its own measured offset.
  expect((await api(counter2.url, 'POST', '/api/counter/actions', { action: 'call', number }, t2)).json).toMatchObject({ offline: true, ticket: { number } });
  expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call-next' }, t1)).json).toMatchObject({ offline: true, ticket: { number } });
  await office.startServer();
  [conflict] = (await until('the conflict on /status', () => api(office.counter.url, 'GET', '/api/status'), (r) => r.json.conflicts.length === 1)).json.conflicts;
  expect([conflict!.keptCounter, conflict!.lostCounter].sort()).toEqual([1, 2]);

  // Later 张伟 takes counter 2 from 李娜 with the supervisor's login and password.
  await until(
    'the takeover',
    () => api(counter2.url, 'POST', '/api/counter/login', { login: 'zhang.wei', password: CLERK_PASSWORD, counterNo: 2, supervisor: { login: 'zhao.lei', password: CLERK_PASSWORD } }),
    (r) => r.status === 200,
  );
  takenAt = (await office.server.db.selectFrom('counter_presence').select('since').where('hall', '=', 'main').where('counter_no', '=', 2).executeTakeFirstOrThrow()).since.getTime();

  // Two more walk-ins still wait when the day closes at the hall's midnight.
  for (let i = 0; i < 2; i++) await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A', print: false });
  const today = hallDay(Date.now(), office.config.hallTimeZone);
  const afterMidnight = closeOutMoment(today, office.config.queueCloseOut, office.config.hallTimeZone) + 60_000;
  expect(await closeOutDays(office.server.db, { ...office.config, now: () => afterMidnight }, () => {})).toBe(2);

  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

const WORDS: Record<Lang, { kind: string; counter: (n: number) => string; notServed: string }> = {
  'zh-CN': { kind: '两个窗口都叫了这个号', counter: (n) => `${n}号窗口`, notServed: '当日未办理' },
  en: { kind: 'Called at two counters', counter: (n) => `Counter ${n}`, notServed: 'Not served that day' },
  ru: { kind: 'Вызван в двух окнах', counter: (n) => `Окно ${n}`, notServed: 'Не обслужены в тот день' },
};
/** The row a page should show for the conflict the server recorded: the ticket, in words, kept by, set aside for. */
const expected = (lang: Lang) => [number, WORDS[lang].kind, WORDS[lang].counter(conflict!.keptCounter), WORDS[lang].counter(conflict!.lostCounter)];
/** HH:MM of the set-aside call on the hall's clock (Asia/Shanghai; the browser runs in another zone). */
const hallClock = (at = Date.parse(conflict!.lostAt)) => new Intl.DateTimeFormat('en-GB', { timeZone: office.config.hallTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
const SIZES = [
  [1920, 1080],
  [1080, 1920],
] as const;
const cells = (page: Page, testid: string) =>
  page.locator(`[data-testid="${testid}"]`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));

describe('queue conflicts shown in Chromium', () => {
  it.each(Object.keys(WORDS) as Lang[])("the counter's /status lists the conflict in words (%s)", async (lang) => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${office.counter.url}/status?lang=${lang}`);
    await expect.poll(() => page.getByTestId('status-conflict-count').getAttribute('data-count'), POLL).toBe('1');
    const [row] = await cells(page, 'status-conflict');
    expect(row).toEqual([...expected(lang), hallClock()]);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      expect(await page.getByTestId('status-conflicts').isVisible()).toBe(true);
      await shot(page, `status-conflicts-${width}x${height}-${lang}`);
    }
    await page.close();
  });

  it.each(Object.keys(WORDS) as Lang[])("the supervisor's queue page lists it with the day's tickets not served (%s)", async (lang) => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${office.url}/supervisor/queue`);
    await page.getByTestId('sv-lang').selectOption(lang);
    await page.getByTestId('sv-login-user').fill('zhao.lei');
    await page.getByTestId('sv-login-password').fill(CLERK_PASSWORD);
    await page.getByTestId('sv-login-submit').click();
    await expect.poll(() => page.getByTestId('sv-section').getAttribute('data-section'), POLL).toBe('queue');
    await expect.poll(() => page.getByTestId('sv-queue-not-served').textContent(), POLL).toBe('2');
    expect(await page.getByTestId('sv-queue-not-served').locator('xpath=..').textContent()).toContain(WORDS[lang].notServed);
    const [row] = await cells(page, 'sv-queue-conflict');
    expect(row).toEqual([...expected(lang), hallClock()]);
    await expect.poll(() => cells(page, 'sv-queue-override'), POLL).toEqual([[WORDS[lang].counter(2), '张伟', '赵磊', hallClock(takenAt)]]);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await shot(page, `supervisor-queue-${width}x${height}-${lang}`);
    }
    await page.close();
  });
});

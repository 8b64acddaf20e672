import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingCount } from '../../core/outbox/outbox.js';
import { SERVER_ROOT } from '../../server/config.js';
import { createStaff } from '../../server/staff/repository.js';
import { launchChromium } from './browser.js';
import { api, CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// The supervision pages in Chromium, served by a real central server (embedded PostgreSQL) that a
// real kiosk and counter terminal upload to. The tests run in order, one office day: ratings arrive
// live on the supervisor's page, a bad one opens a case the office follows up, a complaint goes
// office → department → office, and weeks later the inspector finds what went past its deadline.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let browser: Browser;
let page: Page;
let clerkToken = '';
const POLL = { timeout: 20_000, interval: 100 };
const PASSWORD = CLERK_PASSWORD;
const DEPARTMENT = '市场秩序处';
const PHONE = '13900000001';

beforeAll(async () => {
  if (!existsSync(join(SERVER_ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  // The open prompt stays on the counter for the whole test; a new service records it as not rated.
  office = await startHallOffice({ counterEnv: { RATING_SECONDS: '3600' } });
  const staff = [
    ['zhao.lei', '赵磊', 'S01', 'supervisor'],
    ['li.jing', '李静', 'B01', 'office'],
    ['sun.hao', '孙浩', 'D01', 'department'],
    ['qian.wei', '钱伟', 'J01', 'inspector'],
  ] as const;
  for (const [login, name, number, role] of staff) await createStaff(office.server.db, { login, name, number, role }, PASSWORD, Date.now());
  await office.server.db.updateTable('staff').set({ unit: DEPARTMENT }).where('login', '=', 'sun.hao').execute();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${office.url}/supervisor`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

/** A walk-in ticket served at counter 1 by 王芳; the rating screen then asks about it. */
async function serve(): Promise<string> {
  const issued = await api(office.kiosk.url, 'POST', '/api/queue/tickets', { service: 'A', print: false });
  const number = issued.json.ticket.number as string;
  await expect.poll(async () => (await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'call', number }, clerkToken)).status, POLL).toBe(200);
  expect((await api(office.counter.url, 'POST', '/api/counter/actions', { action: 'finish' }, clerkToken)).json.ticket.state).toBe('done');
  const { prompt } = (await api(office.counter.url, 'GET', '/api/rating/prompt')).json;
  expect(prompt.ticketNumber).toBe(number);
  return prompt.serviceId as string;
}

const rate = (serviceId: string, rating: object) => api(office.counter.url, 'POST', '/api/rating', { serviceId, rating });
const uploaded = () => expect.poll(() => pendingCount(office.kiosk.db) + pendingCount(office.counter.db), POLL).toBe(0);
const byId = (id: string) => page.getByTestId(id).first();
const text = (id: string) => byId(id).textContent();
const row = (testid: string, attr: string, value: string) => page.locator(`[data-testid="${testid}"][${attr}="${value}"]`).first();

async function signIn(login: string) {
  await byId('sv-login-user').fill(login);
  await byId('sv-login-password').fill(PASSWORD);
  await byId('sv-login-submit').click();
  await expect.poll(() => byId('sv-staff').isVisible(), POLL).toBe(true);
}
async function signOut() {
  await byId('sv-signout').click();
  await expect.poll(() => byId('sv-login-form').isVisible(), POLL).toBe(true);
}
async function fileComplaint(text: string): Promise<string> {
  const filed = await api(office.kiosk.url, 'POST', '/api/opinions', { kind: 'complaint', text, prohibition: 4, phone: PHONE, print: false });
  expect(filed.status).toBe(200);
  return filed.json.trackingCode as string;
}

describe('supervision pages in Chromium against a real central server', () => {
  it('refuses a wrong password in the server’s words, and tells a clerk the pages are not for that role', async () => {
    await byId('sv-login-user').fill('zhao.lei');
    await byId('sv-login-password').fill('not the password');
    await byId('sv-login-submit').click();
    await expect.poll(() => text('sv-login-error'), POLL).toBe('用户名或密码不正确。');
    await signIn('wang.fang');
    expect(await text('sv-no-sections')).toContain('窗口工作人员');
    expect(await page.locator('[data-testid^="sv-nav-"]').count()).toBe(0);
    await signOut();
  });

  it('shows ratings live as they arrive: today’s counts, not-rated apart, the bad one first', async () => {
    await expect
      .poll(async () => (await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: PASSWORD, counterNo: 1 })).status, POLL)
      .toBe(200);
    clerkToken = (await api(office.counter.url, 'POST', '/api/counter/login', { login: 'wang.fang', password: PASSWORD, counterNo: 1 })).json.token;
    await signIn('zhao.lei');
    expect(await byId('sv-section').getAttribute('data-section')).toBe('satisfaction');
    await expect.poll(() => byId('sv-live-state').getAttribute('data-state'), POLL).toBe('live');
    expect(await text('sv-today-services')).toBe('0');

    expect((await rate(await serve(), { level: 5 })).status).toBe(200);
    await serve(); // the visitor walks away …
    const bad = await serve(); // … and the next service records it as not rated
    expect((await rate(bad, { level: 2, reasons: ['attitude', 'repeat-visits'], comment: '补了三次材料' })).status).toBe(200);
    await uploaded();

    await expect.poll(() => text('sv-today-bad'), POLL).toBe('1');
    expect([await text('sv-today-services'), await text('sv-today-rated'), await text('sv-today-good'), await text('sv-today-not-rated'), await text('sv-today-rate')]).toEqual([
      '3',
      '2',
      '1',
      '1',
      '50.0%',
    ]);
    const first = byId('sv-rating');
    expect(await first.getAttribute('data-level')).toBe('2');
    // Marked new by the live feed, which may come a poll after the list showed it.
    await expect.poll(() => first.getAttribute('data-new'), POLL).toBe('true');
    expect(await first.textContent()).toContain('服务态度差、让群众多次跑');

    await byId('sv-group').selectOption('clerk');
    await expect.poll(() => row('sv-sat-row', 'data-key', '0101').textContent(), POLL).toContain('王芳（0101）');
    expect(await row('sv-sat-row', 'data-key', '0101').getByTestId('sv-sat-rate').textContent()).toBe('50.0% 1/2');
    expect(await row('sv-sat-row', 'data-key', '0101').getByTestId('sv-sat-not-rated').textContent()).toContain('1');
  });

  it('opens the bad rating’s case with its deadline, read-only for a supervisor', async () => {
    await byId('sv-rating').getByTestId('sv-rating-case').click();
    await expect.poll(() => byId('sv-case-detail').getAttribute('data-state'), POLL).toBe('open');
    const login = await api(office.url, 'POST', '/api/staff/login', { login: 'zhao.lei', password: PASSWORD });
    const { cases } = (await api(office.url, 'GET', '/api/supervision/cases', undefined, login.json.token)).json;
    expect(cases).toHaveLength(1);
    expect(await byId('sv-case-deadline-detail').getAttribute('data-deadline')).toBe(cases[0].deadline);
    expect(await row('sv-case-row', 'data-id', cases[0].id).getAttribute('data-overdue')).toBe('false');
    expect(await page.getByTestId('sv-case-action-form').count()).toBe(0);
  });

  it('lists a complaint from the kiosk with a masked phone, and counts the prohibition it cites', async () => {
    const code = await fileComplaint('窗口要求提供规定以外的材料，来回跑了三次。');
    await uploaded();
    await byId('sv-nav-complaints').click();
    await expect.poll(() => row('sv-complaint-row', 'data-code', code).isVisible(), POLL).toBe(true);
    const complaint = row('sv-complaint-row', 'data-code', code);
    expect(await complaint.getAttribute('data-state')).toBe('received');
    expect(await complaint.getByTestId('sv-complaint-phone').textContent()).toBe('139****0001');
    expect(await page.content()).not.toContain(PHONE);
    await byId('sv-nav-prohibitions').click();
    await expect.poll(() => row('sv-prohibition-row', 'data-item', '4').getByTestId('sv-prohibition-count').textContent(), POLL).toBe('1');
    expect(await text('sv-prohibitions-total')).toBe('1');
    await signOut();
  });

  it('lets the office call back with the full phone and assign the complaint to a department', async () => {
    await signIn('li.jing');
    await byId('sv-nav-complaints').click();
    await byId('sv-complaint-row').click();
    await expect.poll(() => text('sv-complaint-phone-detail'), POLL).toBe(PHONE);
    await row('sv-complaint-action', 'data-action', 'assign').click();
    await expect.poll(() => byId('sv-complaint-department-select').locator('option').count(), POLL).toBeGreaterThan(1);
    await byId('sv-complaint-department-select').selectOption(DEPARTMENT);
    await byId('sv-complaint-note').fill('请核实窗口收取材料的情况');
    await byId('sv-complaint-submit').click();
    await expect.poll(() => byId('sv-complaint-detail').getAttribute('data-state'), POLL).toBe('assigned');
    await expect.poll(() => byId('sv-complaint-row').getByTestId('sv-complaint-department').textContent(), POLL).toBe(DEPARTMENT);
  });

  it('takes the office through the case: return visit, outcome with its date, feedback, close', async () => {
    await byId('sv-nav-cases').click();
    await byId('sv-case-row').click();
    const step = async (action: string, fill: () => Promise<void>) => {
      await expect.poll(() => byId('sv-case-action-form').getAttribute('data-action'), POLL).toBe(action);
      await fill();
      await byId('sv-case-submit').click();
    };
    await step('return-visit', () => byId('sv-case-note').fill('已电话回访，情况属实'));
    await step('outcome', async () => {
      await byId('sv-case-outcome').selectOption('fixed-by-deadline');
      await byId('sv-case-fixby').fill('2099-01-15');
      await byId('sv-case-note').fill('窗口材料清单重新核对');
    });
    await step('feedback', () => byId('sv-case-note').fill('已告知评价人整改安排'));
    await step('close', async () => undefined);
    await expect.poll(() => byId('sv-case-detail').getAttribute('data-state'), POLL).toBe('closed');
    const actions = await page.getByTestId('sv-case-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['opened', 'return-visit', 'outcome', 'feedback', 'close']);
    expect(await text('sv-case-done')).toBe('此差评已办结。');
    await signOut();
  });

  it('shows a department only its complaints, with the phone masked, and takes its answer', async () => {
    await signIn('sun.hao');
    const nav = await page.locator('[data-testid^="sv-nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(nav).toEqual(['sv-nav-complaints']);
    await byId('sv-complaint-row').click();
    await expect.poll(() => text('sv-complaint-phone-detail'), POLL).toBe('139****0001');
    const offered = await page.getByTestId('sv-complaint-action').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(offered).toEqual(['respond']);
    await byId('sv-complaint-action').click();
    await byId('sv-complaint-note').fill('已约谈窗口人员，材料清单已更正');
    await byId('sv-complaint-submit').click();
    await expect.poll(() => byId('sv-complaint-detail').getAttribute('data-state'), POLL).toBe('responded');
    expect(await text('sv-complaint-response')).toBe('已约谈窗口人员，材料清单已更正');
  });

  it('sends an ended session back to sign-in', async () => {
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hall.supervisor.session') ?? '{}') as { token?: string }).token ?? '');
    expect((await api(office.url, 'POST', '/api/staff/logout', undefined, token)).status).toBe(200);
    await expect.poll(() => byId('sv-login-expired').isVisible(), POLL).toBe(true);
  });

  it('shows the inspector what went past its deadline, escalated', async () => {
    const late = await fileComplaint('投诉无人处理，要求纪检监察关注。');
    await uploaded();
    // Six weeks on (the server's clock only: every terminal has already uploaded).
    const realNow = office.config.now;
    office.config.now = () => realNow() + 42 * 86_400_000;
    await page.reload();
    await signIn('qian.wei');
    await byId('sv-nav-inspection').click();
    await expect.poll(() => row('sv-complaint-row', 'data-code', late).isVisible(), POLL).toBe(true);
    const item = row('sv-complaint-row', 'data-code', late);
    expect([await item.getAttribute('data-overdue'), await item.getAttribute('data-escalated')]).toEqual(['true', 'true']);
    expect(await item.getByTestId('sv-flag-overdue').textContent()).toBe('逾期');
    expect(await item.getByTestId('sv-complaint-phone').textContent()).toBe('139****0001');
    // The answered complaint and the closed case are not late.
    expect(await page.getByTestId('sv-case-row').count()).toBe(0);
    await byId('sv-lang').selectOption('en');
    await expect.poll(() => text('sv-nav-inspection'), POLL).toBe('Discipline inspection');
  });
});

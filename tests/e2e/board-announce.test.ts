import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingCount } from '../../core/outbox/outbox.js';
import type { TerminalService } from '../../terminal/service.js';
import { until } from '../sync/upload-helpers.js';
import { FAKE_SPEECH, spoken } from './board-speech.js';
import { launchChromium } from './browser.js';
import { CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// The hall board in Chromium on a counter PC that also drives the TV, a second counter PC, a kiosk
// and the central server, all real. The server is stopped while the other counter calls a visitor,
// and started again: the board says that call once it hears of it, and says no call twice.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let other: TerminalService;
let browser: Browser;
let board: Page;
let one = '';
let two = '';
const POLL = { timeout: 30_000, interval: 100 };

async function api(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
const issue = async () => (await api(office.kiosk.url, '/api/queue/tickets', { service: 'A' })).ticket.number as string;
const act = (t: TerminalService, token: string, action: string, number?: string) => api(t.url, '/api/counter/actions', { action, ...(number ? { number } : {}) }, token);
const sentence = (digits: string, counter: number) => `请 A ${digits} 号到 ${counter} 号窗口办理`;

beforeAll(async () => {
  office = await startHallOffice();
  other = await office.addTerminal('counter-2', ['counter']);
  const staffed = (t: TerminalService) => (t.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n === 2;
  await until(() => staffed(office.counter) && staffed(other), 20_000);
  one = (await api(office.counter.url, '/api/counter/login', { login: 'wang.fang', password: CLERK_PASSWORD, counterNo: 1 })).token;
  two = (await api(other.url, '/api/counter/login', { login: 'li.na', password: CLERK_PASSWORD, counterNo: 2 })).token;
  // A hall TV whose browser may play sound by itself (Electron, kiosk flags): the board never asks.
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await ctx.addInitScript(FAKE_SPEECH);
  board = await ctx.newPage();
  await board.goto(`${office.counter.url}/hall`);
  await board.getByTestId('hall-counters').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await office?.close();
});

const number = (counter: number) => board.getByTestId(`hall-counter-${counter}-number`).textContent();

describe('the board in Chromium through an outage of the central server', () => {
  it('announces each call once, the one made at the other counter during the outage too', { timeout: 120_000 }, async () => {
    expect(await board.getByTestId('hall-sound-toggle').getAttribute('aria-pressed')).toBe('true');
    for (let i = 0; i < 3; i++) await issue();
    await until(() => (other.db.prepare('SELECT count(*) AS n FROM queue_ticket').get() as { n: number }).n === 3, 10_000);
    await act(office.counter, one, 'call', 'A001');
    await expect.poll(() => spoken(board), POLL).toEqual([sentence('零 零 一', 1)]);

    await office.stopServer();
    expect((await act(other, two, 'call', 'A002')).offline).toBe(true);
    await expect.poll(() => board.getByTestId('hall-offline').isVisible(), POLL).toBe(true);
    expect(await number(2)).toBe('—');

    await office.startServer();
    await until(() => pendingCount(other.db) + pendingCount(office.counter.db) === 0, 60_000);
    await expect.poll(() => number(2), POLL).toBe('A002');
    await expect.poll(() => spoken(board), POLL).toEqual([sentence('零 零 一', 1), sentence('零 零 二', 2)]);

    // A call after the reconnect: anything the reconnect would have said twice has been said by now.
    await act(office.counter, one, 'finish');
    await act(office.counter, one, 'call', 'A003');
    await expect.poll(() => number(1), POLL).toBe('A003');
    await expect.poll(() => spoken(board), POLL).toEqual([sentence('零 零 一', 1), sentence('零 零 二', 2), sentence('零 零 三', 1)]);
    expect(await board.getByTestId('hall-recent-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))).toEqual(['A003', 'A002', 'A001']);
  });
});

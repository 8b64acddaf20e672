import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingCount } from '../../core/outbox/outbox.js';
import { createAppointment } from '../../server/appointments/repository.js';
import { decodeEscPos } from '../devices/escpos-decoder.js';
import { LoopbackPrinter } from '../devices/loopback-printer.js';
import { until } from '../sync/upload-helpers.js';
import { launchChromium } from './browser.js';
import { CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// Three screens in Chromium on two real terminals and the central server: the kiosk (with a
// loopback slip printer), the counter and the hall board. Check in by code, see the ticket on the
// counter and the board, call, recall, finish; then the same with the central server stopped, and
// after its restart every event is on the server once.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let printer: LoopbackPrinter;
let browser: Browser;
let kiosk: Page;
let counter: Page;
let board: Page;
let code = '';

beforeAll(async () => {
  printer = await LoopbackPrinter.start();
  office = await startHallOffice({ kioskEnv: { PRINTER: printer.uri } });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const appt = await createAppointment(
    office.server.db,
    'main',
    { enterprise: '哈尔滨示例进出口有限公司', contactPhone: '13800001234', matter: '技术进出口合同登记', procedureCode: null, service: 'A', date: today, from: '09:00', to: '11:30', createdBy: 'wang.fang' },
    Date.now(),
    'Asia/Shanghai',
  );
  code = appt.code;
  // Staff accounts and the appointment reach the terminals through the change feed.
  await until(() => (office.counter.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n === 2, 20_000);
  await until(() => (office.kiosk.db.prepare('SELECT count(*) AS n FROM appointment').get() as { n: number }).n === 1, 20_000);
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  counter = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await kiosk.goto(`${office.kiosk.url}/kiosk`);
  await board.goto(`${office.counter.url}/hall`);
  await counter.goto(`${office.counter.url}/counter`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await office?.close();
  await printer?.stop();
});

const text = (page: Page, id: string) => page.getByTestId(id).first().textContent();

async function signIn() {
  await counter.getByTestId('login-user').fill('wang.fang');
  await counter.getByTestId('login-password').fill(CLERK_PASSWORD);
  await counter.getByTestId('login-counter').fill('1');
  await counter.getByTestId('login-submit').click();
  await expect.poll(() => counter.getByTestId('counter-no').isVisible(), { timeout: 10_000 }).toBe(true);
}

describe('kiosk, counter and board in Chromium', () => {
  it('checks in by appointment code, prints the slip, and the ticket appears on the counter and the board', { timeout: 90_000 }, async () => {
    await signIn();
    await kiosk.getByTestId('home-checkin').click();
    // The code, then the booking phone's last four digits (13800001234).
    for (const d of `${code}1234`) await kiosk.locator(`[data-testid="numpad"] [data-key="${d}"]`).click();
    await kiosk.getByTestId('checkin-submit').click();
    await expect.poll(() => text(kiosk, 'ticket-number'), { timeout: 10_000 }).toContain('A001');
    expect(await text(kiosk, 'ticket-enterprise')).toContain('哈尔滨示例进出口有限公司');
    expect(await kiosk.getByTestId('ticket-print').getAttribute('data-print')).toBe('queued');

    await expect.poll(() => printer.connections.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await printer.connections[0]!.closed;
    const slip = decodeEscPos(printer.connections[0]!.bytes);
    expect(slip.text.join('\n')).toContain('A001');
    expect(slip.text.join('\n')).toContain('哈尔滨示例进出口有限公司');
    expect(slip.qr[0]).toMatch(/^HALL-TICKET:A001:/);
    expect(slip.cuts).toBe(1);

    await expect.poll(() => counter.locator('[data-testid="waiting-ticket"][data-number="A001"]').count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => text(board, 'hall-waiting-A-count'), { timeout: 5_000 }).toMatch(/^1\D/);
  });

  it('calls, recalls and finishes: the board shows A001 at counter 1', { timeout: 60_000 }, async () => {
    await counter.getByTestId('action-call-next').click();
    await expect.poll(() => text(counter, 'current-number')).toContain('A001');
    await expect.poll(() => text(board, 'hall-counter-1-number'), { timeout: 5_000 }).toContain('A001');
    await counter.getByTestId('action-recall').click();
    await expect.poll(() => text(counter, 'current-call-count')).toContain('2');
    expect(await board.locator('[data-testid="hall-recent-item"]').first().getAttribute('data-number')).toBe('A001');
    await counter.getByTestId('action-finish').click();
    await expect.poll(() => counter.getByTestId('current-empty').isVisible()).toBe(true);
  });

  it('books a phone appointment, cancels it after confirming, and the kiosk refuses its code', { timeout: 60_000 }, async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await counter.getByTestId('side-tab-appointments').click();
    await counter.getByTestId('appt-enterprise').fill('黑龙江取消测试贸易有限公司');
    await counter.getByTestId('appt-contactPhone').fill('13900005678');
    await counter.getByTestId('appt-matter').fill('对外贸易经营者备案');
    await counter.getByTestId('appt-service').selectOption('A');
    await counter.getByTestId('appt-date').fill(today);
    await counter.getByTestId('appt-slot').selectOption('14:00-14:30');
    await counter.getByTestId('appointment-submit').click();
    const booked = (await counter.getByTestId('appointment-code').getAttribute('data-code', { timeout: 10_000 }))!;
    const row = counter.locator(`[data-testid="appointment-row"][data-code="${booked}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('booked');

    await row.getByTestId('appointment-cancel').click();
    // Asking is not cancelling: the clerk can still keep it.
    await counter.getByTestId('appointment-cancel-keep').click();
    expect(await row.getAttribute('data-state')).toBe('booked');
    await row.getByTestId('appointment-cancel').click();
    await counter.getByTestId('appointment-cancel-reason').fill('企业来电取消');
    await counter.getByTestId('appointment-cancel-confirm').click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('cancelled');
    expect(await text(counter, 'appointment-cancelled-count')).toContain('1');
    expect(await row.getByTestId('appointment-cancel').count()).toBe(0);

    // The cancellation reaches the kiosk through the change feed.
    await until(() => (office.kiosk.db.prepare("SELECT count(*) AS n FROM appointment WHERE code = ? AND state = 'cancelled'").get(booked) as { n: number }).n === 1, 20_000);
    await kiosk.goto(`${office.kiosk.url}/kiosk`);
    await kiosk.getByTestId('home-checkin').click();
    for (const d of `${booked}5678`) await kiosk.locator(`[data-testid="numpad"] [data-key="${d}"]`).click();
    await kiosk.getByTestId('checkin-submit').click();
    await expect.poll(() => kiosk.getByTestId('queue-error').getAttribute('data-kind'), { timeout: 10_000 }).toBe('cancelled');
    expect(await text(kiosk, 'queue-error')).toContain('这个预约已被取消');
  });

  it('goes on with the central server stopped, and the server has every event once after its restart', { timeout: 120_000 }, async () => {
    await office.stopServer();
    await kiosk.goto(`${office.kiosk.url}/kiosk`);
    const lineA = kiosk.locator('[data-testid="queue-line"][data-code="A"]');
    // A tap that lands while the screen is still starting up is simply tapped again, as a visitor would.
    await expect
      .poll(async () => {
        if (!(await lineA.isVisible())) await kiosk.getByTestId('home-take-ticket').click();
        return lineA.isVisible();
      }, { timeout: 20_000, interval: 1_000 })
      .toBe(true);
    await lineA.click();
    await expect.poll(() => text(kiosk, 'ticket-number'), { timeout: 10_000 }).toMatch(/T\d+-A001/);
    expect(await kiosk.getByTestId('ticket-offline').isVisible()).toBe(true);
    const number = /T\d+-A001/.exec((await text(kiosk, 'ticket-number')) ?? '')![0];

    // The counter never heard of it (the kiosk is another PC): the clerk types the number in.
    await counter.getByTestId('call-number-input').fill(number);
    await counter.getByTestId('call-number-submit').click();
    await expect.poll(() => text(counter, 'current-number'), { timeout: 10_000 }).toContain(number);
    await expect.poll(() => counter.getByTestId('offline-banner').isVisible()).toBe(true);
    await expect.poll(() => text(board, 'hall-counter-1-number'), { timeout: 5_000 }).toContain(number);
    await counter.getByTestId('action-finish').click();
    await expect.poll(() => counter.getByTestId('current-empty').isVisible()).toBe(true);

    await office.startServer();
    await expect.poll(() => pendingCount(office.kiosk.db) + pendingCount(office.counter.db), { timeout: 60_000, interval: 250 }).toBe(0);
    const events = await office.server.db.selectFrom('events').select(['event_id', 'type']).execute();
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    const local = (office.kiosk.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n + (office.counter.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    expect(events.length).toBe(local);
    const tickets = await office.server.db.selectFrom('tickets').select(['number']).execute();
    expect(tickets.map((t) => t.number).sort()).toEqual(['A001', number].sort());
    await expect.poll(() => counter.getByTestId('offline-banner').isVisible(), { timeout: 20_000 }).toBe(false);
  });
});

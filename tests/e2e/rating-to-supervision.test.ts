import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../server/calendar/calendar.js';
import { loadServerConfig } from '../../server/config.js';
import { createStaff } from '../../server/staff/repository.js';
import { until } from '../sync/upload-helpers.js';
import { launchChromium } from './browser.js';
import { CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// Issue 5 across the screens: the counter finishes a service → the rating screen facing the visitor
// shows who served → a bad rating with reasons → the follow-up case appears on the central server's
// supervision page with its deadline in working days; the same service cannot be rated twice.

let office: Awaited<ReturnType<typeof startHallOffice>>;
let browser: Browser;
let counter: Page;
let rating: Page;
let supervision: Page;

beforeAll(async () => {
  office = await startHallOffice();
  await createStaff(office.server.db, { login: 'zhou.min', name: '周敏', number: '0901', role: 'supervisor' }, CLERK_PASSWORD, Date.now());
  await until(() => (office.counter.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n >= 2, 20_000);
  browser = await launchChromium();
  counter = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  rating = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  supervision = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await counter.goto(`${office.counter.url}/counter`);
  await rating.goto(`${office.counter.url}/rating`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await office?.close();
});

const text = (page: Page, id: string) => page.getByTestId(id).first().textContent();

describe('from the counter to the supervision page', () => {
  let serviceId = '';

  it('shows the visitor who served them when the clerk finishes, and takes a bad rating with reasons once', { timeout: 90_000 }, async () => {
    await counter.getByTestId('login-user').fill('wang.fang');
    await counter.getByTestId('login-password').fill(CLERK_PASSWORD);
    await counter.getByTestId('login-counter').fill('1');
    await counter.getByTestId('login-submit').click();
    await expect.poll(() => counter.getByTestId('counter-no').isVisible(), { timeout: 10_000 }).toBe(true);
    const issued = await (await fetch(`${office.kiosk.url}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'A', print: false }) })).json();
    await expect.poll(() => counter.locator(`[data-testid="waiting-ticket"][data-number="${issued.ticket.number}"]`).count(), { timeout: 10_000 }).toBe(1);
    await counter.getByTestId('action-call-next').click();
    await expect.poll(() => text(counter, 'current-number')).toContain(issued.ticket.number);
    await counter.getByTestId('action-finish').click();

    await expect.poll(() => text(rating, 'rating-clerk'), { timeout: 10_000 }).toContain('王芳');
    expect(await text(rating, 'rating-clerk-number')).toContain('0101');
    expect(await text(rating, 'rating-counter')).toContain('1');
    serviceId = (await rating.getByTestId('rating-service').getAttribute('data-service-id'))!;
    expect(serviceId).toBe(issued.ticket.id);
    await rating.getByTestId('rating-level-1').click();
    await rating.getByTestId('rating-reason-attitude').click();
    await rating.getByTestId('rating-reason-efficiency').click();
    await rating.getByTestId('rating-submit').click();
    await expect.poll(() => rating.getByTestId('rating-thanks').getAttribute('data-outcome')).toBe('recorded');

    const again = await fetch(`${office.counter.url}/api/rating`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId, rating: { level: 5 } }) });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('ALREADY_RATED');
  });

  it('opens a follow-up case with its deadline counted in working days, on the supervision page', { timeout: 90_000 }, async () => {
    const config = loadServerConfig({});
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: config.hallTimeZone }).format(new Date());
    const deadline = loadCalendar(config.holidaysFile).addWorkingDays(today, config.caseDeadlineWorkingDays);
    await supervision.goto(`${office.url}/supervisor`);
    await supervision.getByTestId('sv-login-user').fill('zhou.min');
    await supervision.getByTestId('sv-login-password').fill(CLERK_PASSWORD);
    await supervision.getByTestId('sv-login-submit').click();
    await expect.poll(() => supervision.getByTestId('sv-staff').isVisible(), { timeout: 10_000 }).toBe(true);
    await supervision.getByTestId('sv-nav-cases').click();
    // The rating reaches the server through the counter terminal's outbox (uploaded at once).
    await expect.poll(async () => {
      if (!(await supervision.getByTestId('sv-case-row').count())) await supervision.getByTestId('sv-nav-cases').click();
      return supervision.getByTestId('sv-case-row').count();
    }, { timeout: 20_000, interval: 1_000 }).toBe(1);
    expect(await supervision.getByTestId('sv-case-deadline').first().getAttribute('data-deadline')).toBe(deadline);
    expect(await supervision.getByTestId('sv-case-row').first().getAttribute('data-state')).not.toBe('closed');
  });
});

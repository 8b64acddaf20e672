import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheck } from '../../core/common/credit-code.js';
import { mod11_2 } from '../../core/common/iso7064.js';
import { errorMessage } from '../../core/contract/errors.js';
import { putStaff } from '../../core/queue/reference.js';
import { certificateView } from '../../renderer/counter/certificates/fixtures.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium, shot } from './browser.js';

// The counter's certificates panel in Chromium against a real terminal service. The terminal's
// certificate store is not on this branch yet: its routes answer "none found" / CERTIFICATE_NOT_FOUND,
// which is what the searches and the hand-over below get from the service. To reach the hand-over
// form at all, the browser plays in one certificate for the search and the view (GET only); every
// hand-over or mail request still goes to the real service.

const PASSWORD = 'correct horse battery';
const POLL = { timeout: 15_000, interval: 100 };
const VIEW = certificateView();
const ID_BODY = '23010219800101123';
const GOOD_ID = ID_BODY + mod11_2(ID_BODY)!;
const BAD_ID = ID_BODY + (mod11_2(ID_BODY) === '1' ? '2' : '1');

let svc: RunningService;
let browser: Browser;
let page: Page;
const sent: string[] = [];

const byId = (id: string) => page.getByTestId(id).first();
const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);
const certRequests = (method: string) => sent.filter((r) => r.startsWith(`${method} `) && r.includes('/api/certificates'));

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService({ ROLE: 'counter' });
  const salt = randomBytes(16);
  const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
  putStaff(svc.db, { login: 'zhao.lei', name: '赵磊', number: '0106', role: 'clerk', passwordHash: hash, disabled: false });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('request', (r) => sent.push(`${r.method()} ${r.url()}`));
  await page.goto(`${svc.url}/counter`);
  await byId('login-user').fill('zhao.lei');
  await byId('login-password').fill(PASSWORD);
  await byId('login-counter').fill('6');
  await byId('login-submit').click();
  await byId('current-panel').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

describe('counter certificates panel in Chromium', () => {
  it('opens on its search box, keyboard first', async () => {
    await byId('side-tab-certificates').click();
    await expect.poll(focused, POLL).toBe('cert-search');
  });

  it('says a mistyped credit code is wrong at once and sends nothing', async () => {
    const before = certRequests('GET').length;
    const body = '91230100MA1B2C3D4';
    await byId('cert-search').fill(body + (creditCodeCheck(body) === 'A' ? 'B' : 'A'));
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('cert-search-bad-code').textContent(), POLL).toContain(errorMessage('CREDIT_CODE_INVALID', 'zh-CN'));
    expect(certRequests('GET').length).toBe(before);
  });

  it('takes a wedge scanner’s scan as the search, and says when nothing matches', async () => {
    await byId('cert-search').fill('');
    // A scanner types its code and Enter within a few milliseconds.
    // A scanner's burst, keys microseconds apart (real key presses from the test are paced by the machine's load).
    await page.evaluate((code) => {
      const target = document.activeElement ?? document.body;
      for (const key of [...code, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, 'HALL-PICKUP:ACDE2345');
    await expect.poll(() => byId('cert-none').textContent(), POLL).toBe('没有找到与“HALL-PICKUP:ACDE2345”相符的证照。');
    expect(await byId('cert-search').inputValue()).toBe('HALL-PICKUP:ACDE2345');
    expect(certRequests('GET').some((r) => r.includes(`q=${encodeURIComponent('HALL-PICKUP:ACDE2345')}`))).toBe(true);
    await shot(page, 'counter-certificates-none-1920x1080');
  });

  it('hand-over: the ID is checked as typed, a proxy needs the letter, and the service’s refusal keeps the form', async () => {
    const fake = (route: Route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const url = new URL(route.request().url());
      if (url.pathname === '/api/certificates') return route.fulfill({ json: { certificates: [{ id: VIEW.certificate.id, name: VIEW.certificate.name, number: VIEW.certificate.number, holderName: VIEW.certificate.holder.name, state: 'ready', delivery: 'on_spot', issuedOn: VIEW.certificate.issuedOn }] } });
      return route.fulfill({ json: VIEW });
    };
    await page.route(/\/api\/certificates(\/[0-9A-Z]{26})?(\?.*)?$/, fake);
    await byId('cert-search').fill('ACDE2345');
    await page.keyboard.press('Enter');
    // One match opens at once, its hand-over button under the clerk's Enter.
    await expect.poll(() => byId('cert-identifier').textContent(), POLL).toBe(VIEW.certificate.identifier);
    await expect.poll(focused, POLL).toBe('cert-action-handover');
    await page.keyboard.press('Enter');
    await expect.poll(focused, POLL).toBe('handover-name');
    await byId('handover-name').fill('张三');
    await byId('handover-id-number').fill(BAD_ID);
    await expect.poll(() => byId('handover-error-idNumber').textContent(), POLL).toContain(errorMessage('ID_NUMBER_INVALID', 'zh-CN'));
    await page.keyboard.press('Enter');
    await byId('handover-kind-proxy').check();
    await byId('handover-id-number').fill(GOOD_ID);
    expect(await byId('handover-error-idNumber').count()).toBe(0);
    await byId('handover-id-number').press('Enter');
    await expect.poll(() => byId('handover-error-letterChecked').textContent(), POLL).toContain(errorMessage('LETTER_NOT_CHECKED', 'zh-CN'));
    expect(certRequests('POST')).toEqual([]);

    await byId('handover-letter').check();
    await byId('handover-name').press('Enter');
    await expect.poll(() => byId('handover-refused').textContent(), POLL).toContain(errorMessage('CERTIFICATE_NOT_FOUND', 'zh-CN'));
    expect(certRequests('POST')).toHaveLength(1);
    expect(await byId('handover-name').inputValue()).toBe('张三');
    expect(await byId('handover-letter').isChecked()).toBe(true);
    // The ID number is covered once the clerk has left the field.
    expect(await byId('handover-id-number').evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('disc');
    await shot(page, 'counter-certificates-handover-1920x1080');

    // Esc closes the form, Esc again goes back to the search box.
    await page.keyboard.press('Escape');
    await expect.poll(() => byId('handover-form').count(), POLL).toBe(0);
    await expect.poll(focused, POLL).toBe('cert-action-handover');
    await page.keyboard.press('Escape');
    await expect.poll(focused, POLL).toBe('cert-search');
  });

  it('mail: the waybill form holds each field to its rule and sends nothing until all hold', async () => {
    await byId('cert-search').fill('ACDE2345');
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('cert-action-mail').isVisible(), POLL).toBe(true);
    await byId('cert-action-mail').click();
    await expect.poll(focused, POLL).toBe('mail-recipient');
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('mail-error-waybill').textContent(), POLL).toContain('请填写此项。');
    for (const [f, v] of Object.entries({ recipient: '王五', phone: '13800005678', province: '黑龙江省', city: '哈尔滨市', county: '南岗区', street: '学府路 1 号', postcode: '1500', waybill: 'EE123456789CN' })) await byId(`mail-${f}`).fill(v);
    await byId('mail-waybill').press('Enter');
    await expect.poll(() => byId('mail-error-postcode').textContent(), POLL).toContain('邮编应为 6 位数字。');
    expect(certRequests('POST')).toHaveLength(1);
    await byId('mail-postcode').fill('150001');
    await byId('mail-postcode').press('Enter');
    await expect.poll(() => byId('mail-refused').textContent(), POLL).toContain(errorMessage('CERTIFICATE_NOT_FOUND', 'zh-CN'));
    expect(certRequests('POST')).toHaveLength(2);
    expect(await byId('mail-street').inputValue()).toBe('学府路 1 号');
  });
});

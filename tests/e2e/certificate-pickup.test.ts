import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDay } from '../../core/common/hall-time.js';
import { mod11_2 } from '../../core/common/iso7064.js';
import { ROOT } from '../../terminal/config.js';
import { createAppointment } from '../../server/appointments/repository.js';
import { importCertificates, serverTemplates } from '../../server/certificates/import.js';
import { ensureCatalog } from '../../server/sync/catalog-seed.js';
import { decodeEscPos } from '../devices/escpos-decoder.js';
import { LoopbackPrinter } from '../devices/loopback-printer.js';
import { until } from '../sync/upload-helpers.js';
import { launchChromium } from './browser.js';
import { CLERK_PASSWORD, startHallOffice } from './hall-office.js';

// Issue 13 across the screens, all real: the department's certificate imported on the central server
// reaches the counter; the visitor checks in for the pickup at the kiosk, is called to counter 6, the clerk
// hands the certificate over and it prints with the hand-over receipt; the visitor rates the matter; the
// QR printed on the slip verifies as genuine at the kiosk; the server holds the hand-over once.

const POLL = { timeout: 20_000, interval: 100 };
const ID_BODY = '23010319800101123';
const ID = ID_BODY + mod11_2(ID_BODY)!;
const HOLDER = { name: '哈尔滨冰城商贸有限公司', code: '91230100MA1B2C3D49', codeType: '001' as const };

let office: Awaited<ReturnType<typeof startHallOffice>>;
let printer: LoopbackPrinter;
let browser: Browser;
let kiosk: Page;
let counter: Page;
let rating: Page;
let appointmentCode = '';
let certificateId = '';

const byId = (page: Page, id: string) => page.getByTestId(id).first();
const tap = (digits: string) => digits.split('').reduce((p, k) => p.then(() => kiosk.getByTestId('numpad').locator(`[data-key="${k}"]`).click()), Promise.resolve());
/** Every QR the counter's slip printer received, decoded from its ESC/POS bytes. */
const printedQrs = () => printer.connections.flatMap((c) => decodeEscPos(c.bytes).qr);

beforeAll(async () => {
  printer = await LoopbackPrinter.start();
  office = await startHallOffice({ counterEnv: { PRINTER: printer.uri } });
  const now = new Date();
  await ensureCatalog(office.server.db, join(ROOT, 'assets/catalog/commerce.json'), now);
  const imported = await importCertificates(
    office.server.db,
    {
      template: 'prepaid-card-filing',
      hall: 'main',
      typeCode: '11220000013544541J001',
      number: '黑商预备字〔2026〕第0118号',
      serial: '2610118',
      issuer: { name: '黑龙江省商务厅', code: '11220000013544541J' },
      holder: HOLDER,
      issuedOn: hallDay(now.getTime(), 'Asia/Shanghai'),
      validFrom: hallDay(now.getTime(), 'Asia/Shanghai'),
      validUntil: null,
      fields: { enterpriseType: '规模发卡企业', issuanceScale: '年发卡 2000 万元', cardTypes: '记名卡', depositBank: '中国工商银行哈尔滨分行', businessAddress: '哈尔滨市南岗区西大直街 1 号' },
      delivery: 'appointment',
      phone: '13812345678',
    },
    { templates: serverTemplates(join(ROOT, 'assets/certificates')), keyIssuer: '黑龙江省商务厅', now },
  );
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
  certificateId = imported.certificates[0]!.id;
  const appointment = await createAppointment(
    office.server.db,
    'main',
    { enterprise: HOLDER.name, contactPhone: '13812345678', matter: '领取单用途商业预付卡备案回执', procedureCode: 'MC-01', service: 'E', date: hallDay(now.getTime(), 'Asia/Shanghai'), from: '00:00', to: '23:59', createdBy: 'wang.fang' },
    now.getTime(),
    'Asia/Shanghai',
  );
  appointmentCode = appointment.code;
  await until(() => Boolean(office.counter.db.prepare('SELECT 1 FROM certificate WHERE id = ?').get(certificateId)), 20_000);
  await until(() => Boolean(office.kiosk.db.prepare('SELECT 1 FROM appointment WHERE code = ?').get(appointmentCode)), 20_000);
  browser = await launchChromium();
  kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  counter = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  rating = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await kiosk.goto(`${office.kiosk.url}/kiosk`);
  await counter.goto(`${office.counter.url}/counter`);
  await rating.goto(`${office.counter.url}/rating`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await office?.close();
  await printer?.stop();
});

describe('a certificate picked up by appointment', () => {
  it('check-in, call, hand-over and print, rating, then the printed QR verifies at the kiosk', { timeout: 150_000 }, async () => {
    await byId(kiosk, 'home-checkin').click();
    await tap(appointmentCode);
    await tap('5678');
    await byId(kiosk, 'checkin-submit').click();
    await expect.poll(() => byId(kiosk, 'ticket-number').textContent(), POLL).toMatch(/E\d{3}$/);
    const number = (await byId(kiosk, 'ticket-number').textContent())!;

    // 李娜 is line E's B clerk (证照领取, counter 6).
    await byId(counter, 'login-user').fill('li.na');
    await byId(counter, 'login-password').fill(CLERK_PASSWORD);
    await byId(counter, 'login-counter').fill('6');
    await byId(counter, 'login-submit').click();
    await expect.poll(() => counter.locator(`[data-testid="waiting-ticket"][data-number="${number}"]`).count(), POLL).toBe(1);
    await byId(counter, 'action-call-next').click();
    await expect.poll(() => byId(counter, 'current-number').textContent(), POLL).toContain(number);

    await byId(counter, 'side-tab-certificates').click();
    await expect.poll(() => counter.locator(`[data-testid="cert-offered"] [data-testid="cert-item"][data-id="${certificateId}"]`).count(), POLL).toBe(1);
    await counter.locator(`[data-testid="cert-offered"] [data-testid="cert-item"][data-id="${certificateId}"]`).click();
    await byId(counter, 'cert-action-handover').click();
    await byId(counter, 'handover-name').fill('张三丰');
    await byId(counter, 'handover-id-number').fill(ID);
    await byId(counter, 'handover-submit').click();
    await expect.poll(() => byId(counter, 'cert-rating-offered').isVisible(), POLL).toBe(true);
    await expect.poll(() => byId(counter, 'cert-details').getAttribute('data-state'), POLL).toBe('handed_over');

    // The slip certificate and the hand-over receipt reach the printer, both carrying the signed QR.
    await expect.poll(() => printedQrs().filter((q) => q.startsWith('HCERT1|')).length, POLL).toBe(2);
    const qr = printedQrs().find((q) => q.startsWith('HCERT1|'))!;

    await expect.poll(() => rating.getByTestId('rating-level-5').isVisible(), POLL).toBe(true);
    expect(await byId(rating, 'rating-matter').textContent()).toContain('单用途商业预付卡备案');
    await byId(rating, 'rating-level-5').click();
    await expect.poll(() => byId(rating, 'rating-thanks').getAttribute('data-outcome'), POLL).toBe('recorded');

    await kiosk.goto(`${office.kiosk.url}/kiosk`);
    await byId(kiosk, 'home-cert-verify').click();
    await byId(kiosk, 'cert-verify-text').fill(qr);
    await byId(kiosk, 'cert-verify-submit').click();
    await expect.poll(() => byId(kiosk, 'verdict').getAttribute('data-verdict'), POLL).toBe('genuine');
    expect(await byId(kiosk, 'verdict').textContent()).toContain('黑商预备字〔2026〕第0118号');

    // Uploaded: the server holds the hand-over once, with its 马上办 time from the check-in.
    await until(async () => (await office.server.db.selectFrom('certificate_handovers').select('id').where('certificate_id', '=', certificateId).execute()).length === 1, 20_000);
    const handover = await office.server.db.selectFrom('certificate_handovers').selectAll().where('certificate_id', '=', certificateId).executeTakeFirstOrThrow();
    expect(handover).toMatchObject({ counter: '6', recipient_kind: 'self', id_last4: ID.slice(-4) });
    expect(handover.immediate_seconds).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(handover)).not.toContain(ID);
  });

  it('the e-certificate: the counter shows a short-lived link from the server, which downloads the PDF', { timeout: 60_000 }, async () => {
    await byId(counter, 'cert-action-link').click();
    await expect.poll(() => byId(counter, 'cert-link-url').isVisible(), POLL).toBe(true);
    const url = (await byId(counter, 'cert-link-url').textContent())!.trim();
    expect(url).toMatch(/\/e\/[^/]+$/);
    const res = await fetch(url.replace(/^https?:\/\/[^/]+/, office.url));
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const file = join(office.dir, 'e-certificate.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(HOLDER.name);
    expect(text).toContain('黑商预备字〔2026〕第0118号');
    // An altered link proves nothing.
    const forged = await fetch(`${url.replace(/^https?:\/\/[^/]+/, office.url)}x`);
    expect(forged.status).toBe(403);
  });
});

import { execFileSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT, RATING_EVENT } from '../../core/contract/index.js';
import { CERTIFICATE_APPLY } from '../../core/certificates/store.js';
import { testCertificate, testKey } from '../../core/certificates/test-certificates.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingEvents } from '../../core/outbox/outbox.js';
import { putStaff } from '../../core/queue/reference.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { decodeEscPos } from '../../native/printer/decode.js';
import { launchChromium, shot } from './browser.js';

// The kiosk's opinion box, progress lookup and rating by ticket in Chromium, against a real
// terminal service that has never reached a central server and prints to preview files.

let svc: RunningService;
const slips = tempDir('hall-feedback-slips-');
let browser: Browser;
let page: Page;
const POLL = { timeout: 15_000, interval: 100 };
const SLOW = { timeout: 60_000 };

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  svc = await startTestService({ PRINTER: `preview:${slips.dir}` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
  slips.cleanup();
});

async function open(path: string, viewport = { width: 1080, height: 1920 }) {
  await page?.close();
  page = await browser.newPage({ viewport });
  await page.goto(svc.url + path);
}
/** Taps keys of the on-screen keyboard, one by one. */
const osk = (keys: string) => keys.split('').reduce((p, k) => p.then(() => page.getByTestId('osk').locator(`[data-key="${k === ' ' ? 'space' : k}"]`).click()), Promise.resolve());
const numpad = (digits: string) => digits.split('').reduce((p, k) => p.then(() => page.getByTestId('numpad').locator(`[data-key="${k}"]`).click()), Promise.resolve());
const slipTexts = () => readdirSync(slips.dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(slips.dir, f), 'utf8')).join('\n');
const height = async (id: string) => (await page.getByTestId(id).first().boundingBox())!.height;

describe('the opinion box', SLOW, () => {
  let code = '';

  it('files a complaint citing a prohibition with a phone, shows the code and prints the slip', async () => {
    await open('/kiosk');
    await page.getByTestId('home-opinion').click();
    expect(await height('opinion-kind-complaint')).toBeGreaterThanOrEqual(60);
    await page.getByTestId('opinion-kind-complaint').click();
    expect(await page.getByTestId('opinion-next').isDisabled()).toBe(true);
    // Pinyin on the on-screen keys: a word tapped from the candidates, then the first taken with Space.
    await page.getByTestId('pinyin-keyboard').and(page.locator('[data-mode="pinyin"]')).waitFor();
    await osk('chuangkou');
    expect(await page.getByTestId('ime-typed').textContent()).toBe('chuangkou');
    await page.getByTestId('ime-candidate').and(page.locator('[data-text="窗口"]')).click();
    await osk('gongzuorenyuan');
    await osk(' ');
    expect(await page.getByTestId('opinion-text').inputValue()).toBe('窗口工作人员');
    // Letters left over after a character stay typed for the next one.
    await osk('rangw');
    await page.getByTestId('ime-candidate').and(page.locator('[data-text="让"]')).click();
    expect(await page.getByTestId('ime-typed').textContent()).toBe('w');
    await osk('o ');
    expect(await page.getByTestId('opinion-text').inputValue()).toBe('窗口工作人员让我');
    // A physical keyboard types into the box; in ABC mode the on-screen keys add letters to the end.
    await page.getByTestId('opinion-text').fill('窗口工作人员让我来回跑了三趟 ');
    await page.getByTestId('ime-mode').click();
    await osk('abc');
    expect(await page.getByTestId('opinion-text').inputValue()).toBe('窗口工作人员让我来回跑了三趟 abc');
    await page.getByTestId('opinion-next').click();

    await page.getByTestId('opinion-prohibition-4').click();
    expect(await page.getByTestId('opinion-prohibition-4').getAttribute('aria-pressed')).toBe('true');
    await numpad('1381234');
    expect(await page.getByTestId('opinion-phone-invalid').isVisible()).toBe(true);
    expect(await page.getByTestId('opinion-submit').isDisabled()).toBe(true);
    await numpad('5678');
    expect(await page.getByTestId('opinion-phone').getAttribute('data-value')).toBe('13812345678');
    await page.getByTestId('opinion-submit').click();

    await page.getByTestId('opinion-filed').waitFor();
    code = (await page.getByTestId('opinion-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(await page.getByTestId('opinion-print').getAttribute('data-print')).toBe('queued');
    expect(await page.getByTestId('opinion-lookup-hint').textContent()).toContain('手机号后四位');
    await expect.poll(slipTexts, POLL).toContain(code);
    expect(slipTexts()).toContain('投诉：十一不准第4条');

    const event = pendingEvents(svc.db).find((e) => e.type === OPINION_EVENT)!;
    expect(event.payload).toMatchObject({ trackingCode: code, kind: 'complaint', prohibition: 4, phone: '13812345678', text: '窗口工作人员让我来回跑了三趟 abc' });
    expect(svc.db.prepare('SELECT phone_last4 FROM opinion WHERE tracking_code = ?').get(code)).toEqual({ phone_last4: '5678' });
  });

  it('looks up the progress with the code typed on the on-screen keys and the last four digits', async () => {
    await page.getByTestId('opinion-track').click();
    await page.getByTestId('track-screen').waitFor();
    // The keyboard shows capitals while the code is typed; the keys are found by their lower-case names.
    expect(await page.getByTestId('osk').locator('[data-key="k"]').textContent()).toBe('K');
    await osk(code.replaceAll('-', '').toLowerCase());
    expect(await page.getByTestId('track-code').inputValue()).toBe(code);
    await page.getByTestId('track-last4').click();
    await osk('1234');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('feedback-error').waitFor();
    expect(await page.getByTestId('feedback-error').getAttribute('data-kind')).toBe('not-found');
    expect(await page.getByTestId('feedback-error').textContent()).toContain('请核对查询码和手机号后四位');

    await page.getByTestId('track-last4').fill('5678');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-result').getAttribute('data-state')).toBe('received');
    expect(await page.getByTestId('track-state').textContent()).toBe('已受理');
    expect(await page.getByTestId('track-kind').textContent()).toBe('投诉');
    expect(await page.getByTestId('track-not-received').isVisible()).toBe(true);
    await page.getByTestId('track-done').click();
    await page.getByTestId('home').waitFor();
  });

  it('works in English, with a suggestion and no phone, looked up by code alone', async () => {
    await open('/kiosk/opinion');
    await page.getByTestId('lang-switch').locator('[data-lang="en"]').click();
    await page.getByTestId('opinion-kind-suggestion').click();
    await page.getByTestId('opinion-text').fill('More chairs in the hall, please.');
    expect(await page.getByTestId('pinyin-keyboard').getAttribute('data-mode')).toBe('letters');
    await page.getByTestId('opinion-next').click();
    await page.getByTestId('opinion-submit').click();
    await page.getByTestId('opinion-filed').waitFor();
    expect(await page.getByTestId('opinion-lookup-hint').textContent()).toBe('Keep this code: with it you can look up the progress at any kiosk.');
    const english = (await page.getByTestId('opinion-code').textContent())!.trim();
    await page.getByTestId('opinion-track').click();
    await page.getByTestId('track-code').fill(english.toLowerCase());
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-kind').textContent()).toBe('Suggestion');
  });
});

describe('rating a finished service by ticket number and rating code at the kiosk', SLOW, () => {
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => {
    const res = await svc.app.inject({
      method,
      url,
      headers: { host: '127.0.0.1', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body ? JSON.stringify(body) : undefined,
    });
    return res.json();
  };

  it('needs the slip’s rating code beside the number, finds the service, shows who served, takes a bad rating with a reason, and refuses a second rating', async () => {
    const salt = randomBytes(16);
    const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('correct horse battery', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
    putStaff(svc.db, { login: 'wang.fang', name: '王芳', number: '0101', role: 'clerk', passwordHash: hash, disabled: false });
    const token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 2 })).token as string;
    const issued = await call('POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false });
    const number = issued.ticket.number as string;
    const code = issued.ratingCode as string;
    await call('POST', '/api/counter/actions', { action: 'call', number }, token);
    await call('POST', '/api/counter/actions', { action: 'finish' }, token);
    const wrongCode = code.slice(0, 4) + (code[4] === 'A' ? 'C' : 'A');

    await open('/kiosk');
    await page.getByTestId('home-rate').click();
    // An offline number has a dash: typed with the on-screen keys and the dash key.
    const [prefix, rest] = number.split('-');
    await osk(prefix!.toLowerCase());
    await page.getByTestId('rate-dash').click();
    await osk(rest!.toLowerCase());
    expect(await page.getByTestId('rate-number').inputValue()).toBe(number);
    // The number alone finds nothing: the code is asked for.
    expect(await page.getByTestId('rate-find').isDisabled()).toBe(true);
    await page.getByTestId('rate-code').click();
    expect(await page.getByTestId('rate-code').getAttribute('data-active')).toBe('true');
    await osk(wrongCode.toLowerCase());
    expect(await page.getByTestId('rate-code').inputValue()).toBe(wrongCode);
    await page.getByTestId('rate-find').click();
    await page.getByTestId('feedback-error').waitFor();
    expect(await page.getByTestId('feedback-error').textContent()).toContain('号码和评价码对不上今天已办结的服务');
    await page.getByTestId('osk').locator('[data-key="backspace"]').click();
    await osk(code.slice(-1).toLowerCase());
    expect(await page.getByTestId('feedback-error').count()).toBe(0);
    await page.getByTestId('rate-find').click();

    await page.getByTestId('rating-service').waitFor();
    expect(await page.getByTestId('rating-clerk').textContent()).toBe('王芳');
    expect(await page.getByTestId('rating-clerk-number').textContent()).toBe('0101');
    expect(await page.getByTestId('rating-matter').textContent()).toBe('对外贸易');
    expect(await page.getByTestId('rating-ticket').textContent()).toBe(number);
    expect(await height('rating-level-1')).toBeGreaterThanOrEqual(60);
    await page.getByTestId('rating-level-2').click();
    expect(await page.getByTestId('rating-submit').isDisabled()).toBe(true);
    await page.getByTestId('rating-reason-explanation').click();
    // The comment on the on-screen keyboard, in pinyin: Space takes the first candidate, 讲 is the second.
    // "Write with the on-screen keyboard" is a button like the others: at least 44×44, and 60×60 in elderly mode.
    const size = async () => {
      const box = (await page.getByTestId('rating-comment-keyboard').boundingBox())!;
      return Math.min(box.width, box.height);
    };
    expect(await size()).toBeGreaterThanOrEqual(44);
    await page.getByTestId('elderly-toggle').click();
    expect(await size()).toBeGreaterThanOrEqual(60);
    await shot(page, 'rate-ticket-reasons-elderly-zh-CN');
    await page.getByTestId('elderly-toggle').click();
    await page.getByTestId('rating-comment-keyboard').click();
    await osk('cailiao yaoqiu mei jiang');
    await page.getByTestId('ime-candidate').and(page.locator('[data-text="讲"]')).click();
    await osk('qingchu ');
    expect(await page.getByTestId('rating-comment').inputValue()).toBe('材料要求没讲清楚');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-thanks').waitFor();
    expect(await page.getByTestId('rating-thanks').getAttribute('data-outcome')).toBe('recorded');
    const rated = pendingEvents(svc.db).filter((e) => e.type === RATING_EVENT).map((e) => e.payload);
    expect(rated).toContainEqual(
      expect.objectContaining({ ticketNumber: number, level: 2, reasons: ['explanation'], comment: '材料要求没讲清楚', channel: 'kiosk', matter: '对外贸易', holderProof: { by: 'rating-code', checkedBy: 'issuing-kiosk' } }),
    );

    await page.getByTestId('rate-done').click();
    await page.getByTestId('home-rate').click();
    await page.getByTestId('rate-number').fill(number);
    await page.getByTestId('rate-code').fill(code);
    await page.getByTestId('rate-find').click();
    await page.getByTestId('feedback-error').waitFor();
    expect(await page.getByTestId('feedback-error').textContent()).toContain('每次服务只能评价一次');
  });

  it('keeps the answer and “find” above the bottom bar in landscape elderly mode, in all three languages', async () => {
    for (const lang of ['zh-CN', 'en', 'ru']) {
      await open('/kiosk', { width: 1920, height: 1080 });
      await page.getByTestId('lang-switch').locator(`[data-lang="${lang}"]`).click();
      await page.getByTestId('elderly-toggle').click();
      await page.getByTestId('home-rate').click();
      await page.getByTestId('rate-number').fill('A998');
      await page.getByTestId('rate-code').fill('K7M3A');
      await page.getByTestId('rate-find').click();
      await page.getByTestId('feedback-error').waitFor();
      const bar = (await page.locator('.kiosk-nav').boundingBox())!;
      for (const id of ['feedback-error', 'rate-find', 'rate-code']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.y + box.height, `${lang} ${id}`).toBeLessThanOrEqual(bar.y);
        expect(box.y, `${lang} ${id}`).toBeGreaterThanOrEqual(0);
      }
      expect(await height('rate-find')).toBeGreaterThanOrEqual(60);
    }
  });

  it('takes a ticket shown on screen with its rating code, whose QR (read back with zbarimg) and printed slip carry number, id and code; scanning the slip reaches the rating', async () => {
    const token = (await call('POST', '/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 2 })).token as string;
    await open('/kiosk/ticket');
    await page.locator('[data-testid=queue-line][data-code=A]').click();
    await page.getByTestId('ticket-view').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent())!;
    const code = (await page.getByTestId('ticket-rating-code').textContent())!;
    expect(code).toMatch(/^[ACDEFHJKMNPRTUVWXY3479]{5}$/);
    expect(await page.getByTestId('ticket-rating').textContent()).toContain('请勿告诉他人');
    const png = slips.file('ticket-qr.png');
    await page.getByTestId('ticket-qr').locator('svg').screenshot({ path: png });
    const onScreen = execFileSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8' }).trim();
    expect(onScreen).toMatch(new RegExp(`^HALL-TICKET:${number}:[0-9A-HJKMNP-TV-Z]{26}:${code}$`));
    // The slip printed the same QR, and the code in large type under it.
    await expect.poll(() => readdirSync(slips.dir).filter((f) => f.endsWith('.bin')).length, POLL).toBeGreaterThan(0);
    const printed = readdirSync(slips.dir).filter((f) => f.endsWith('.bin')).map((f) => decodeEscPos(readFileSync(join(slips.dir, f))));
    const slip = printed.find((d) => d.qr[0] === onScreen)!;
    expect(slip.lines.find((l) => l.text === `评价码：${code}`)).toMatchObject({ bold: true, width: 2 });

    await call('POST', '/api/counter/actions', { action: 'call', number }, token);
    await call('POST', '/api/counter/actions', { action: 'finish' }, token);
    await open('/kiosk/rate');
    await page.getByTestId('osk').waitFor();
    // A keyboard-wedge scanner's burst of the slip's QR.
    await page.evaluate((qr) => {
      const target = document.activeElement ?? document.body;
      for (const key of [...qr, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, onScreen);
    await page.getByTestId('rating-service').waitFor();
    expect(await page.getByTestId('rating-ticket').textContent()).toBe(number);
    // A good rating is recorded at one tap.
    await page.getByTestId('rating-level-5').click();
    await page.getByTestId('rating-thanks').waitFor();
    const rated = pendingEvents(svc.db).filter((e) => e.type === RATING_EVENT).map((e) => e.payload);
    expect(rated).toContainEqual(expect.objectContaining({ ticketNumber: number, level: 5, holderProof: { by: 'slip-qr', checkedBy: 'issuing-kiosk' } }));
  });
});

describe("following a certificate with the kiosk's progress lookup", SLOW, () => {
  const sync = (over: Parameters<typeof testCertificate>[1]) => {
    const doc = testCertificate(testKey(), over);
    CERTIFICATE_APPLY.certificate!(svc.db, { seq: 1, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
    return doc;
  };

  it('takes the pickup code after the opinion lookup finds none: asks for the digits, refuses wrong ones, then says where to collect it', async () => {
    svc.db.prepare('DELETE FROM attempt_failures').run();
    const doc = sync({ pickupCode: 'C3D4E5F6', phoneLast4: '2468', template: 'labour-cooperation', name: '对外劳务合作经营资格证书' });
    await open('/kiosk');
    await page.getByTestId('home-track').click();
    await osk('c3d4e5f6');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-need-last4').waitFor();
    expect(await page.getByTestId('track-need-last4').textContent()).toContain('请同时输入手机号后四位');

    await page.getByTestId('track-last4').click();
    await osk('2469');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('cert-error').waitFor();
    expect(await page.getByTestId('cert-error').getAttribute('data-kind')).toBe('pickup_proof_failed');
    expect(await page.getByTestId('cert-error').textContent()).toContain('取证码');

    await page.getByTestId('track-last4').fill('2468');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('cert-progress').waitFor();
    expect(await page.getByTestId('cert-progress').getAttribute('data-state')).toBe('ready');
    expect(await page.getByTestId('cert-progress-name').textContent()).toBe(doc.name);
    expect(await page.getByTestId('cert-progress-where').textContent()).toContain('请到6号窗口（证照领取与综合咨询）领取');
    // The certificate tally counted the wrong digits once; the opinion lookup counted its two misses
    // (no digits, wrong digits), not the proved code.
    const kinds = svc.db.prepare('SELECT kind, count(*) AS n FROM attempt_failures GROUP BY kind ORDER BY kind').all();
    expect(kinds).toEqual([
      { kind: 'certificate-pickup', n: 1 },
      { kind: 'certificate-pickup-code', n: 1 },
      { kind: 'track', n: 2 },
      { kind: 'track-code', n: 2 },
    ]);
  });

  it("the SMS's pickup QR held to the scanner shows a collected certificate at once, in Russian", async () => {
    const at = '2026-12-02T16:01:00.000Z'; // 00:01 on 3 December in the hall
    sync({ pickupCode: 'H2J3K4M5', phoneLast4: '1357', state: 'handed_over', handedOver: { at, counter: '6', channel: 'counter' } });
    await open('/kiosk');
    await page.getByTestId('lang-switch').locator('[data-lang="ru"]').click();
    await page.getByTestId('home-track').click();
    await page.getByTestId('track-screen').waitFor();
    await page.evaluate((qr) => {
      const target = document.activeElement ?? document.body;
      for (const key of [...qr, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, 'HALL-PICKUP:H2J3K4M5:1357');
    await page.getByTestId('cert-progress').waitFor();
    expect(await page.getByTestId('cert-progress').getAttribute('data-state')).toBe('handed-over');
    expect(await page.getByTestId('cert-progress-step').textContent()).toBe('3 декабря 2026 г., 00:01: получен в окне 6');
    await shot(page, 'kiosk-track-certificate-ru');
  });
});

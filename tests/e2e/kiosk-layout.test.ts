import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../core/contract/common.js';
import { tempDir } from '../../core/db/test-db.js';
import { mailCertificate, recordMailState } from '../../core/certificates/records.js';
import { CERTIFICATE_APPLY } from '../../core/certificates/store.js';
import { testCertificate, testKey } from '../../core/certificates/test-certificates.js';
import { ROOT } from '../../terminal/config.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { launchChromium, shot } from './browser.js';

// Every kiosk screen, in every language, normal and elderly, on the kiosk's portrait 1080×1920 and on
// a landscape 1920×1080: nothing sticks out sideways, the screen's main actions are on the first
// screen (or the screen shows that it scrolls), and axe-core finds no serious or critical violation.
// One browser and one terminal service (printing to preview files) for all cases.

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const POLL = { timeout: 15_000, interval: 100 };
/** Seventeen screens with axe each: this bounds a hang on a loaded CI machine, it asserts no speed. */
const RUN = { timeout: 180_000 };

let svc: RunningService;
const slips = tempDir('hall-layout-slips-');
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('Build the screens first: npm run build:renderer');
  // A long idle time: a run walks through every screen and must not be sent home half-way.
  svc = await startTestService({ PRINTER: `preview:${slips.dir}`, IDLE_SECONDS: '900' });
  mailedAndDelivered();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.stop();
  slips.cleanup();
});

interface Screen {
  name: string;
  /** Gets there from the screen before, as a visitor would. */
  go: (page: Page) => Promise<void>;
  /** Test ids of the screen's main actions (of a list, its first item). */
  primary: string[];
  /** The whole screen fits, without scrolling (the home screen). */
  fits?: boolean;
}

const byId = (page: Page, id: string) => page.getByTestId(id).first();
const tapTo = async (page: Page, from: string, until: string) => {
  await byId(page, from).click();
  await byId(page, until).waitFor();
};
const home = (page: Page) => tapTo(page, 'nav-home', 'home');

const SCREENS: Screen[] = [
  {
    name: 'home',
    go: home,
    primary: ['home-take-ticket', 'home-checkin', 'home-opinion', 'home-rate', 'home-track', 'home-cert-print', 'home-cert-verify', 'tile-search', 'tile-categories', 'tile-prohibitions'],
    fits: true,
  },
  { name: 'search', go: (p) => tapTo(p, 'nav-search', 'osk'), primary: ['search-input', 'osk'] },
  {
    name: 'search-results',
    go: async (p) => {
      await byId(p, 'search-input').fill('paimai');
      await byId(p, 'result-item').waitFor();
    },
    primary: ['search-input', 'result-item'],
  },
  { name: 'categories', go: (p) => tapTo(p, 'nav-categories', 'category-item'), primary: ['category-item'] },
  { name: 'category', go: (p) => tapTo(p, 'category-item', 'result-item'), primary: ['result-item'] },
  { name: 'procedure', go: (p) => tapTo(p, 'result-item', 'procedure-title'), primary: ['procedure-title', 'procedure-take-ticket', 'procedure-checkin'] },
  {
    name: 'prohibitions',
    go: async (p) => {
      await byId(p, 'nav-prohibitions').click();
      await expect.poll(() => p.getByTestId('prohibition-item').count(), POLL).toBe(11);
    },
    primary: ['prohibition-item'],
  },
  {
    name: 'ticket-lines',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-take-ticket', 'queue-line');
    },
    primary: ['queue-line'],
  },
  { name: 'ticket-issued', go: (p) => tapTo(p, 'queue-line', 'ticket-view'), primary: ['ticket-number', 'ticket-done'] },
  {
    name: 'checkin',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-checkin', 'checkin-submit');
    },
    primary: ['checkin-submit'],
  },
  {
    name: 'checkin-not-found',
    go: async (p) => {
      for (const k of '0000001234') await p.getByTestId('numpad').locator(`[data-key="${k}"]`).click();
      // Every run misses once at this terminal: forgotten first, so the screen shows "not found", not "too many tries".
      svc.db.prepare('DELETE FROM attempt_failures').run();
      await byId(p, 'checkin-submit').click();
      await expect.poll(() => byId(p, 'queue-error').getAttribute('data-kind'), POLL).toBe('not-found');
    },
    primary: ['queue-error', 'checkin-walk-in'],
  },
  {
    name: 'opinion-kind',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-opinion', 'opinion-kind-opinion');
    },
    primary: ['opinion-kind-opinion', 'opinion-kind-suggestion', 'opinion-kind-complaint', 'opinion-kind-leadership-letter'],
  },
  {
    name: 'opinion-text',
    go: async (p) => {
      await tapTo(p, 'opinion-kind-suggestion', 'opinion-text');
      await byId(p, 'opinion-text').fill('More chairs, please.');
    },
    primary: ['opinion-text', 'opinion-next'],
  },
  { name: 'opinion-extras', go: (p) => tapTo(p, 'opinion-next', 'opinion-submit'), primary: ['opinion-submit'] },
  { name: 'opinion-filed', go: (p) => tapTo(p, 'opinion-submit', 'opinion-filed'), primary: ['opinion-code', 'opinion-done'] },
  {
    name: 'track',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-track', 'track-submit');
    },
    primary: ['track-code', 'track-submit'],
  },
  {
    // A certificate's pickup code: the opinion lookup finds none, the certificate lookup answers.
    name: 'track-certificate',
    go: async (p) => {
      await byId(p, 'track-code').fill(MAILED.pickupCode);
      await byId(p, 'track-last4').fill(MAILED.phoneLast4);
      await tapTo(p, 'track-submit', 'cert-progress');
      expect(await byId(p, 'cert-progress').getAttribute('data-state')).toBe('delivered');
    },
    primary: ['cert-progress-headline', 'cert-progress-where', 'track-again', 'track-done'],
  },
  {
    name: 'rate',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-rate', 'rate-find');
    },
    primary: ['rate-find'],
  },
  {
    name: 'cert-print-code',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-cert-print', 'cert-code-next');
    },
    primary: ['cert-scan-hint', 'cert-pickup-code', 'osk', 'cert-code-next'],
  },
  {
    name: 'cert-print-phone',
    go: async (p) => {
      for (const k of 'acde2345') await p.getByTestId('osk').locator(`[data-key="${k}"]`).click();
      await tapTo(p, 'cert-code-next', 'cert-phone');
    },
    primary: ['cert-phone', 'numpad', 'cert-print-submit', 'cert-print-again'],
  },
  {
    // The terminal's certificate store answers "not found" for every code until it lands.
    name: 'cert-print-refused',
    go: async (p) => {
      for (const k of '1234') await p.getByTestId('numpad').locator(`[data-key="${k}"]`).click();
      await byId(p, 'cert-print-submit').click();
      await byId(p, 'cert-error').waitFor();
    },
    primary: ['cert-error', 'numpad', 'cert-print-submit'],
  },
  {
    // Layout only: the printed answer is played in by the browser, as the terminal's store would give it.
    name: 'cert-printed',
    go: async (p) => {
      await p.route('**/api/kiosk/certificates/print', (route) =>
        route.fulfill({ json: { name: '单用途商业预付卡备案回执', number: '黑商预备〔2026〕0042 号', jobs: [{ id: 'j1', kind: 'certificate', state: 'done', attempts: 1, failure: null, createdAt: 'x', updatedAt: 'x' }] } }),
      );
      for (const k of '1234') await p.getByTestId('numpad').locator(`[data-key="${k}"]`).click();
      await tapTo(p, 'cert-print-submit', 'cert-printed');
      await p.unroute('**/api/kiosk/certificates/print');
    },
    primary: ['cert-printed-name', 'cert-printed-where', 'cert-print-done'],
  },
  {
    name: 'cert-verify',
    go: async (p) => {
      await home(p);
      await tapTo(p, 'home-cert-verify', 'cert-verify-submit');
    },
    primary: ['cert-verify-scan-hint', 'cert-verify-text', 'cert-verify-submit'],
  },
  {
    // The terminal's offline check reads it and answers: not a certificate's QR code.
    name: 'cert-verify-unreadable',
    go: async (p) => {
      await byId(p, 'cert-verify-text').fill('HCERT1|not-a-certificate');
      await tapTo(p, 'cert-verify-submit', 'verdict');
      expect(await byId(p, 'verdict').getAttribute('data-verdict')).toBe('unreadable');
    },
    primary: ['verdict-title', 'cert-verify-again', 'cert-verify-done'],
  },
  {
    // Layout only: the longest verdict (genuine, every public field), played in by the browser.
    name: 'cert-verdict',
    go: async (p) => {
      await tapTo(p, 'cert-verify-again', 'cert-verify-text');
      await byId(p, 'cert-verify-text').fill('HCERT1|not-a-certificate');
      await p.route('**/api/certificates/verify', (route) => route.fulfill({ json: GENUINE }));
      await tapTo(p, 'cert-verify-submit', 'verdict');
      await p.unroute('**/api/certificates/verify');
    },
    primary: ['verdict-title', 'verdict-holder', 'cert-verify-again', 'cert-verify-done'],
  },
];

const GENUINE = {
  verdict: 'genuine',
  identifier: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  version: 1,
  issuedOn: '2026-11-02',
  keyId: 'hlj-2026',
  certificate: {
    name: '对外劳务合作经营资格证书',
    number: '黑商外劳〔2026〕第 0042 号',
    holderName: '黑龙江龙江国际经济技术合作有限责任公司',
    issuer: '黑龙江省商务厅',
    validFrom: '2026-11-02',
    validUntil: null,
  },
  revoked: null,
  supersededBy: null,
};

/** The certificate the progress lookup finds: mailed from counter 6, posted and delivered (the longest progress there is). */
const MAILED = { pickupCode: 'N6P7R8T9', phoneLast4: '8642' };
function mailedAndDelivered(): void {
  const doc = testCertificate(testKey(), { ...MAILED, delivery: 'mail', template: 'labour-cooperation', name: '对外劳务合作经营资格证书', number: '黑商外劳〔2026〕第 0042 号' });
  CERTIFICATE_APPLY.certificate!(svc.db, { seq: 1, entity: 'certificate', key: doc.id, op: 'upsert', data: doc });
  const by = { hall: doc.hall, counter: '6', clerk: '0601', now: new Date('2026-12-03T15:59:00Z') };
  const address = { recipient: '欧阳娜娜', phone: '13912345678', province: '黑龙江省', city: '哈尔滨市', county: '南岗区', street: '红军街15号', postcode: '150001', waybill: '1187654321098' };
  mailCertificate(svc.db, doc.id, address, { ...by, timeZone: 'Asia/Shanghai', lang: 'zh-CN' });
  recordMailState(svc.db, doc.id, { state: 'posted', at: '2026-12-04T00:01:00+08:00' }, by);
  recordMailState(svc.db, doc.id, { state: 'delivered', at: '2026-12-05T10:30:00+08:00', signer: '张三' }, by);
}

/** Elements that stick out of the viewport sideways, and whether the page itself scrolls sideways. */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > vw) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${vw})`);
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('.visually-hidden, .skip-link')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > vw + 1 || r.left < -1) {
        const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '';
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).replaceAll(' ', '.')}${id} spans ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
      }
    }
    return out.slice(0, 8);
  });
}

/** Main actions not on the first screen of the scrolling area, unless the screen shows that it scrolls. */
async function outOfReach(page: Page, screen: Screen): Promise<string[]> {
  const view = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const r = main.getBoundingClientRect();
    // A few pixels of the bottom padding out of sight hide nothing.
    return { top: r.top, bottom: r.bottom, scrolls: main.scrollHeight > main.clientHeight + 8, over: main.scrollHeight - main.clientHeight };
  });
  // The shell's cue, or the one a screen with buttons kept in sight shows above them (MoreCue).
  const cue = await page.locator('[data-testid="scroll-cue"], .more-cue').first().isVisible();
  const out: string[] = [];
  if (screen.fits && view.scrolls) out.push(`the screen does not fit: ${view.over}px more below`);
  if (view.scrolls && !cue) out.push('the screen scrolls but shows no cue');
  for (const id of screen.primary) {
    const b = await page.getByTestId(id).first().boundingBox();
    if (!b) {
      out.push(`${id} is missing`);
      continue;
    }
    const inView = b.y >= view.top - 1 && b.y + b.height <= view.bottom + 1;
    if (!inView && !(view.scrolls && cue)) out.push(`${id} is below the first screen (bottom ${Math.round(b.y + b.height)} > ${Math.round(view.bottom)})`);
  }
  return out;
}

/**
 * FACTS.md's elderly mode: text at least 24 px (18 pt), touch targets at least 60×60; on the home
 * screen, one entry per row.
 */
function elderlyFindings(page: Page, screen: Screen): Promise<string[]> {
  return page.evaluate((homeIds) => {
    const out: string[] = [];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !el.closest('.visually-hidden, .skip-link, [aria-hidden="true"]');
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${(el as HTMLElement).dataset.testid ? `[data-testid=${(el as HTMLElement).dataset.testid}]` : `.${String(el.className).split(' ')[0]}`}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small = new Set<string>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !shown(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 24) small.add(`${name(el)} ${px}px "${n.textContent.trim().slice(0, 20)}"`);
    }
    out.push(...[...small].slice(0, 6).map((s) => `text under 24px: ${s}`));
    for (const el of Array.from(document.querySelectorAll('button, a[href], input, textarea, select, [role="button"]'))) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 60 || r.height < 60) out.push(`target under 60×60: ${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    const tops = homeIds.map((id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().top);
    if (tops.length > 0 && new Set(tops.map((t) => Math.round(t ?? -1))).size !== tops.length) out.push('home entries share a row');
    return out;
  }, screen.name === 'home' && page.viewportSize()!.width < page.viewportSize()!.height ? screen.primary : []);
}

async function axeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const LANG_NAMES: Record<Lang, string> = { 'zh-CN': 'zh', en: 'en', ru: 'ru' };

async function walk(viewport: { width: number; height: number }, lang: Lang, elderly: boolean, withAxe: boolean, contrast = false): Promise<string[]> {
  const page = await browser.newPage({ viewport, bypassCSP: true });
  try {
    await page.goto(`${svc.url}/kiosk`);
    await byId(page, 'home').waitFor();
    await page.getByTestId('lang-switch').locator(`[data-lang="${lang}"]`).click();
    if (elderly) await byId(page, 'elderly-toggle').click();
    if (contrast) await byId(page, 'contrast-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
    const problems: string[] = [];
    for (const screen of SCREENS) {
      await screen.go(page);
      // Measured from the top of the screen (typing may have scrolled it), once fonts and late data have settled.
      await page.evaluate(async () => {
        document.querySelector('main')!.scrollTo(0, 0);
        await document.fonts.ready;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
      const found = [
        ...(await sideways(page)),
        ...(await outOfReach(page, screen)),
        ...(elderly ? await elderlyFindings(page, screen) : []),
        ...(withAxe ? await axeFindings(page) : []),
      ];
      problems.push(...found.map((f) => `${screen.name}: ${f}`));
      await shot(page, `${viewport.width}x${viewport.height}-${LANG_NAMES[lang]}-${elderly ? 'elderly' : 'normal'}${contrast ? '-contrast' : ''}-${screen.name}`);
    }
    return problems;
  } finally {
    await page.close();
  }
}

describe.each([
  { label: 'portrait 1080×1920', viewport: PORTRAIT, axe: true },
  { label: 'landscape 1920×1080', viewport: LANDSCAPE, axe: false },
])('every kiosk screen on a $label', ({ viewport, axe }) => {
  for (const lang of LANGS) {
    for (const elderly of [false, true]) {
      it(`${lang}${elderly ? ', elderly mode' : ''}: nothing sideways, main actions within reach${axe ? ', no serious axe finding' : ''}`, RUN, async () => {
        expect((await walk(viewport, lang, elderly, axe)).join('\n')).toBe('');
      });
    }
  }
});

describe('every kiosk screen in high contrast on a portrait 1080×1920', () => {
  it('zh-CN: nothing sideways, main actions within reach, no serious axe finding (contrast included)', RUN, async () => {
    expect((await walk(PORTRAIT, 'zh-CN', false, true, true)).join('\n')).toBe('');
  });
});

describe('the home screen in every language', () => {
  it('draws the ticket and appointment marks without words, and names the progress lookup for opinions, complaints and certificates', RUN, async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    try {
      await page.goto(`${svc.url}/kiosk`);
      const words: Record<Lang, RegExp> = { 'zh-CN': /意见投诉.*证照/, en: /opinion, complaint or certificate/i, ru: /обращения.*документа/i };
      for (const lang of LANGS) {
        await page.getByTestId('lang-switch').locator(`[data-lang="${lang}"]`).click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
        for (const id of ['home-take-ticket', 'home-checkin']) {
          const mark = page.getByTestId(id).locator('.queue-entry-mark');
          expect(await mark.textContent(), `${lang} ${id}`).toBe('');
          expect(await mark.locator('svg').count(), `${lang} ${id}`).toBe(1);
        }
        expect(await page.getByTestId('home-track').textContent()).toMatch(words[lang]);
      }
    } finally {
      await page.close();
    }
  });
});

describe('the "more below" cue', () => {
  it('shows while a screen has more below, goes once the visitor has scrolled to its end, and is absent where all fits', RUN, async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    try {
      await page.goto(`${svc.url}/kiosk`);
      await byId(page, 'home').waitFor();
      expect(await page.getByTestId('scroll-cue').count()).toBe(0);
      // In English the eleven prohibitions run past the first screen.
      await page.getByTestId('lang-switch').locator('[data-lang="en"]').click();
      await byId(page, 'nav-prohibitions').click();
      await expect.poll(() => page.getByTestId('prohibition-item').count(), POLL).toBe(11);
      await expect.poll(() => page.getByTestId('scroll-cue').isVisible(), POLL).toBe(true);
      expect(await page.getByTestId('scroll-cue').textContent()).toContain('More below');
      await page.evaluate(() => document.querySelector('main')!.scrollTo(0, 1e6));
      await expect.poll(() => page.getByTestId('scroll-cue').count(), POLL).toBe(0);
      await page.evaluate(() => document.querySelector('main')!.scrollTo(0, 0));
      await expect.poll(() => page.getByTestId('scroll-cue').isVisible(), POLL).toBe(true);
    } finally {
      await page.close();
    }
  });
});

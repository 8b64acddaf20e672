import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import { VerdictKind, type Verdict } from '../../../core/contract/certificates.js';
import { errorMessage } from '../../../core/contract/errors.js';
import { ApiError, createClient } from '../../api/client.js';
import { ClientProvider } from '../../api/context.js';
import { createI18n } from '../../i18n/i18n.js';
import { KioskSessionProvider } from '../state.js';
import { HomeScreen } from '../screens/HomeScreen.js';
import { CertificateProblem } from './CertificateProblem.js';
import { PrintCertificateScreen } from './PrintCertificateScreen.js';
import { VerdictView } from './VerdictView.js';
import { VerifyCertificateScreen } from './VerifyCertificateScreen.js';

const neverCalled = (async () => {
  throw new Error('no call while rendering');
}) as typeof fetch;

function render(node: ReactNode, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ClientProvider client={createClient({ fetch: neverCalled })}>
        <KioskSessionProvider>{node}</KioskSessionProvider>
      </ClientProvider>
    </I18nextProvider>,
  );
}

function text(html: string, testid: string, close = '</'): string {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start, testid).toBeGreaterThan(-1);
  const from = html.indexOf('>', start) + 1;
  return html.slice(from, html.indexOf(close, from)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const verdict = (over: Partial<Verdict> = {}): Verdict => ({
  verdict: 'genuine',
  identifier: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  version: 1,
  issuedOn: '2026-11-02',
  keyId: 'hlj-2026',
  certificate: { name: '单用途商业预付卡备案回执', number: '黑商预备〔2026〕0042 号', holderName: '哈尔滨龙江百货有限公司', issuer: '黑龙江省商务厅', validFrom: '2026-11-02', validUntil: '2029-11-01' },
  revoked: null,
  supersededBy: null,
  ...over,
});

describe('the home screen', () => {
  it('offers printing my certificate and verifying one, in every language', () => {
    const words: Record<Lang, [string, string]> = { 'zh-CN': ['打印我的证照', '验证证照'], en: ['Print my certificate', 'Verify a certificate'], ru: ['Напечатать мой документ', 'Проверить документ'] };
    for (const [lang, [print, verify]] of Object.entries(words) as [Lang, [string, string]][]) {
      const html = render(<HomeScreen />, lang);
      expect(text(html, 'home-cert-print', '</a')).toBe(print);
      expect(text(html, 'home-cert-verify', '</a')).toBe(verify);
      expect(html).toMatch(/data-testid="home-cert-print" href="\/kiosk\/certificates\/print"|href="\/kiosk\/certificates\/print"[^>]*data-testid="home-cert-print"/);
    }
  });
});

describe('print my certificate', () => {
  it('starts with the pickup code alone: the SMS QR can be scanned, eight empty boxes, nothing to press yet', () => {
    const html = render(<PrintCertificateScreen />);
    expect(html).toMatch(/data-testid="cert-print" data-step="code"/);
    expect(text(html, 'cert-scan-hint', '</div')).toBe('有取证短信的二维码？把手机屏幕对准扫码口，直接打印。');
    expect(html).toMatch(/data-testid="cert-pickup-code" data-value=""/);
    expect(html.slice(html.indexOf('cert-pickup-code')).match(/class="digit-box( [a-z]+)?"/g)!.slice(0, 8)).toHaveLength(8);
    expect(html).toMatch(/<button[^>]*data-testid="cert-code-next" disabled=""/);
    expect(html).toContain('data-testid="osk"');
    // Keys a pickup code never holds (0, 1, O, I, B…) cannot be pressed.
    for (const k of ['0', '1', 'o', 'i', 'b', 'space']) expect(html, k).toMatch(new RegExp(`data-key="${k}" disabled=""`));
    for (const k of ['2', 'a', 'x']) expect(html, k).not.toMatch(new RegExp(`data-key="${k}" disabled=""`));
    expect(html).not.toContain('cert-print-submit');
  });

  it.each([
    ['PICKUP_PROOF_FAILED', errorMessage('PICKUP_PROOF_FAILED', 'zh-CN'), 'pickup_proof_failed'],
    ['TOO_MANY_ATTEMPTS', errorMessage('TOO_MANY_ATTEMPTS', 'zh-CN', { minutes: 15 }), 'too_many_attempts'],
    ['NOT_SELF_SERVICE', errorMessage('NOT_SELF_SERVICE', 'zh-CN'), 'not_self_service'],
  ] as const)('a %s refusal is said in the service’s words, with where to get help', (code, message, kind) => {
    const html = render(<CertificateProblem error={new ApiError(code, message, 403)} />);
    expect(html).toMatch(new RegExp(`data-testid="cert-error" data-kind="${kind}"`));
    expect(html).toContain(message);
    expect(html).toContain('需要帮助请找大厅工作人员。');
  });

  it('a kiosk that cannot reach its service says so in the visitor’s language', () => {
    const html = render(<CertificateProblem error={new ApiError('NETWORK', 'fetch failed', null)} />, 'ru');
    expect(html).toMatch(/data-kind="network"/);
    expect(html).toContain('Киоск сейчас не может связаться со службой.');
  });
});

describe('verify a certificate', () => {
  it('asks for a scan first, with a box to paste into; verify waits for text', () => {
    const html = render(<VerifyCertificateScreen />);
    expect(text(html, 'cert-verify-scan-hint', '</div')).toBe('请把证照上的二维码对准扫码口。');
    expect(html).toMatch(/<button[^>]*data-testid="cert-verify-submit" disabled=""/);
  });

  it('genuine: the word and a tick, then the public fields to compare with the paper', () => {
    const html = render(<VerdictView verdict={verdict()} />);
    expect(html).toMatch(/class="verdict good genuine"[^>]*data-verdict="genuine"/);
    expect(text(html, 'verdict-title')).toBe('真实有效');
    expect(text(html, 'verdict-holder')).toBe('哈尔滨龙江百货有限公司');
    expect(text(html, 'verdict-number')).toBe('黑商预备〔2026〕0042 号');
    expect(text(html, 'verdict-validity')).toBe('2026-11-02 – 2029-11-01');
    expect(html).toContain('M8 12.5l3 3 5-6');
  });

  it('revoked: the date and the reason', () => {
    const html = render(<VerdictView verdict={verdict({ verdict: 'revoked', revoked: { on: '2026-11-30', reason: '备案注销' } })} />, 'en');
    expect(text(html, 'verdict-title')).toBe('Revoked');
    expect(text(html, 'verdict-text')).toBe('This certificate was revoked on 2026-11-30: 备案注销. It is no longer valid.');
    expect(html).toMatch(/class="verdict bad revoked"/);
  });

  it('superseded: names the newer version', () => {
    const html = render(<VerdictView verdict={verdict({ verdict: 'superseded', supersededBy: '1.2.156.3005.2.X.Y.2430599.002.K' })} />);
    expect(text(html, 'verdict-title')).toBe('已换发新版本');
    expect(text(html, 'verdict-text')).toContain('1.2.156.3005.2.X.Y.2430599.002.K');
  });

  it.each(['forged', 'unknown_issuer', 'unreadable'] as const)('%s: a cross and plain words, and none of the payload’s claims shown', (kind) => {
    const html = render(<VerdictView verdict={verdict({ verdict: kind })} />, 'ru');
    expect(html).toMatch(new RegExp(`data-verdict="${kind}"`));
    expect(html).toContain('M9 9l6 6M15 9l-6 6');
    expect(html).not.toContain('verdict-holder');
    expect(html).not.toContain('哈尔滨龙江百货有限公司');
  });

  it('has a title and words for every verdict in every language', () => {
    for (const lang of ['zh-CN', 'en', 'ru'] as const) {
      const titles = VerdictKind.options.map((kind) => text(render(<VerdictView verdict={verdict({ verdict: kind, revoked: { on: '2026-11-30', reason: 'x' } })} />, lang), 'verdict-title'));
      expect(new Set(titles).size, lang).toBe(VerdictKind.options.length);
      expect(titles.every((t) => t.length > 1 && !t.includes('kiosk.'))).toBe(true);
    }
  });
});

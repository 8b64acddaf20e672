import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { creditCodeCheck } from '../../../core/common/credit-code.js';
import { mod11_2 } from '../../../core/common/iso7064.js';
import type { Lang } from '../../../core/contract/common.js';
import { CertificateState, DeliveryChoice } from '../../../core/contract/certificates.js';
import { errorMessage } from '../../../core/contract/errors.js';
import { ApiError, createClient } from '../../api/client.js';
import { ClientProvider } from '../../api/context.js';
import { createI18n } from '../../i18n/i18n.js';
import { HallZoneProvider } from '../../shared/hallZone.js';
import en from '../../locales/en.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };
import zhCN from '../../locales/zh-CN.json' with { type: 'json' };
import { ticket } from '../test-fixtures.js';
import { CertificateDetails } from './CertificateDetails.js';
import { CertificatesPanel } from './CertificatesPanel.js';
import { ElectronicLink } from './ElectronicLink.js';
import { certificateView, printed } from './fixtures.js';
import { checkHandover, emptyHandover, ID_TYPES, idNumberProblem, type HandoverDraft } from './handoverForm.js';
import { HandoverForm, type HandoverFormProps } from './HandoverForm.js';
import { checkMail, checkMailState, emptyMail, MAIL_FIELDS } from './mailForm.js';
import { PrintedNotice } from './PrintedNotice.js';
import { offersCertificates, searchQuery } from './searchQuery.js';

const noop = () => undefined;
const ZONE = 'Asia/Shanghai';

function render(node: ReactNode, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ClientProvider client={createClient({ fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch })}>
        <HallZoneProvider zone={ZONE}>{node}</HallZoneProvider>
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

/** A resident ID number with a right check digit, and the same with a wrong one. */
const ID_BODY = '23010219800101123';
const GOOD_ID = ID_BODY + mod11_2(ID_BODY)!;
const BAD_ID = ID_BODY + (mod11_2(ID_BODY) === '1' ? '2' : '1');

const draft = (over: Partial<HandoverDraft> = {}): HandoverDraft => ({ ...emptyHandover(), name: '张三', idNumber: GOOD_ID, ...over });
function form(over: Partial<HandoverFormProps> = {}, lang: Lang = 'zh-CN'): string {
  return render(<HandoverForm draft={draft()} errors={{}} busy={false} error={undefined} onChange={noop} onSubmit={noop} onCancel={noop} {...over} />, lang);
}

describe('hand-over form: the ID number is checked before anything is sent', () => {
  it('a resident ID number with a wrong check digit never becomes a request', () => {
    const checked = checkHandover(draft({ idNumber: BAD_ID }));
    expect(checked).toEqual({ ok: false, errors: { idNumber: 'idInvalid' } });
  });

  it('a right one is sent as typed on the card (spaces dropped, x in capitals)', () => {
    const body = '11010519491231002';
    expect(mod11_2(body)).toBe('X');
    const checked = checkHandover(draft({ idNumber: ` ${body.slice(0, 6)} ${body.slice(6)}x ` }));
    expect(checked).toEqual({ ok: true, recipient: { kind: 'self', name: '张三', idType: 'resident', idNumber: `${body}X`, letterChecked: false } });
  });

  it('says so at the field while typing, in the service’s words, once the number is complete or cannot be one', () => {
    expect(idNumberProblem('resident', GOOD_ID.slice(0, 10), true)).toBeNull();
    expect(idNumberProblem('resident', '2301X', true)).toBe('idInvalid');
    const html = form({ draft: draft({ idNumber: BAD_ID }) });
    expect(text(html, 'handover-error-idNumber')).toBe(errorMessage('ID_NUMBER_INVALID', 'zh-CN'));
    expect(html).toMatch(/data-testid="handover-id-number"[^>]*aria-invalid="true"/);
    expect(form({ draft: draft({ idNumber: GOOD_ID.slice(0, 10) }) })).not.toContain('handover-error-idNumber');
    expect(text(form({ draft: draft({ idNumber: BAD_ID }) }, 'ru'), 'handover-error-idNumber')).toBe(errorMessage('ID_NUMBER_INVALID', 'ru'));
  });

  it('a passport is not held to the resident rule, but needs four characters', () => {
    expect(checkHandover(draft({ idType: 'passport', idNumber: 'E1234567' })).ok).toBe(true);
    expect(checkHandover(draft({ idType: 'passport', idNumber: 'E12' }))).toEqual({ ok: false, errors: { idNumber: 'idShort' } });
  });

  it('a proxy needs the authorization letter ticked; 本人 does not', () => {
    expect(checkHandover(draft({ kind: 'proxy' }))).toEqual({ ok: false, errors: { letterChecked: 'letter' } });
    expect(checkHandover(draft({ kind: 'proxy', letterChecked: true }))).toMatchObject({ ok: true, recipient: { kind: 'proxy', letterChecked: true } });
    expect(checkHandover(draft({ letterChecked: true }))).toMatchObject({ ok: true, recipient: { kind: 'self', letterChecked: false } });
    expect(form()).not.toContain('handover-letter');
    const proxy = form({ draft: draft({ kind: 'proxy' }), errors: { letterChecked: 'letter' } });
    expect(proxy).toContain('data-testid="handover-letter"');
    expect(text(proxy, 'handover-error-letterChecked')).toBe(errorMessage('LETTER_NOT_CHECKED', 'zh-CN'));
  });

  it('a missing name is said at its field', () => {
    expect(checkHandover(draft({ name: '  ' }))).toEqual({ ok: false, errors: { name: 'required' } });
    expect(text(form({ errors: { name: 'required' } }), 'handover-error-name')).toBe('请填写此项。');
  });

  it.each([
    ['ALREADY_HANDED_OVER', errorMessage('ALREADY_HANDED_OVER', 'zh-CN', { at: '2026-12-01 10:05', counter: '6 号窗口' })],
    ['CERTIFICATE_REVOKED', errorMessage('CERTIFICATE_REVOKED', 'zh-CN', { on: '2026-11-30', reason: '许可注销' })],
    ['NO_A4_PRINTER', errorMessage('NO_A4_PRINTER', 'zh-CN')],
  ] as const)('a %s refusal is shown above the button and the form keeps what was typed', (code, message) => {
    const html = form({ draft: draft({ name: '李四', kind: 'proxy', letterChecked: true }), error: new ApiError(code, message, 409) });
    expect(text(html, 'handover-refused')).toBe(message);
    expect(html).toMatch(/data-testid="handover-name"[^>]*value="李四"/);
    expect(html).toMatch(/data-testid="handover-letter"[^>]*checked=""/);
    expect(html).toMatch(/<button type="submit"[^>]*data-testid="handover-submit"(?![^>]*disabled)/);
  });

  it('one button hands over and prints; Enter submits and Esc cancels, and the keys are named', () => {
    expect(text(form(), 'handover-submit', '</button')).toBe('领取并打印 Enter');
    expect(text(form(), 'handover-cancel', '</button')).toBe('取消 Esc');
    expect(text(form({}, 'en'), 'handover-submit', '</button')).toBe('Hand over and print Enter');
  });

  it('names every ID type in each language', () => {
    for (const lang of ['zh-CN', 'en', 'ru'] as const) {
      const html = form({}, lang);
      expect([...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual([...ID_TYPES]);
    }
  });
});

describe('certificate view', () => {
  it('shows the GB/T 36903 metadata, state and delivery', () => {
    const html = render(<CertificateDetails view={certificateView()} />);
    expect(text(html, 'cert-name')).toBe('对外劳务合作经营资格证书');
    expect(text(html, 'cert-number')).toBe('黑商外劳〔2026〕第 0042 号');
    expect(text(html, 'cert-identifier')).toBe('1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F');
    expect(text(html, 'cert-typeCode')).toBe('11100000000013338W032');
    expect(text(html, 'cert-issuer')).toBe('黑龙江省商务厅');
    expect(text(html, 'cert-issuedOn')).toBe('2026-11-02');
    expect(text(html, 'cert-holder')).toBe('黑龙江龙江国际经济技术合作有限责任公司');
    expect(html).toMatch(/统一社会信用代码<\/dt><dd data-testid="cert-holderCode">91230100MA1B2C3D4E/);
    expect(text(html, 'cert-validity')).toBe('2026-11-02 – 长期');
    expect(text(html, 'cert-state')).toBe('待领取');
    expect(text(html, 'cert-delivery')).toBe('现场领取');
  });

  it('shows the hand-over (masked, on the hall’s clock, with its 马上办 time), the reprints and the mail', () => {
    const html = render(
      <CertificateDetails
        view={certificateView(
          {
            handover: { at: '2026-12-02T01:30:00.000Z', channel: 'counter', counter: '6 号窗口', clerk: '赵磊', recipientKind: 'proxy', recipientName: '李*', recipientId: '123X', immediateSeconds: 725 },
            reprints: [{ at: '2026-12-02T02:00:00.000Z', reason: '打印卡纸', counter: '6 号窗口', clerk: '赵磊' }],
            mail: { waybill: '1234567890123', recipient: '王*', phone: '138****5678', place: '黑龙江省 哈尔滨市 南岗区', state: 'delivered', postedAt: '2026-12-02T03:00:00.000Z', deliveredAt: '2026-12-03T06:10:00.000Z', signer: '王*' },
          },
          { state: 'handed_over' },
        )}
      />,
    );
    expect(text(html, 'cert-handover')).toBe('2026-12-02 09:30 在6 号窗口领取（经办人 赵磊） 代领 · 李* · 证件号后四位 123X · 马上办用时 12 分 05 秒');
    expect(text(html, 'cert-reprint')).toBe('2026-12-02 10:00 在6 号窗口补打（经办人 赵磊） 打印卡纸');
    expect(text(html, 'cert-mail')).toContain('EMS 运单 1234567890123：已签收');
    expect(text(html, 'cert-mail')).toContain('签收 2026-12-03 14:10，签收人 王*');
    expect(html).not.toMatch(/\d{17}[\dX]/);
  });

  it('says a revoked certificate is revoked, with date and reason, in words and not only by colour', () => {
    const html = render(<CertificateDetails view={certificateView({}, { state: 'revoked', revoked: { on: '2026-11-30', reason: '许可注销' } })} />, 'en');
    expect(text(html, 'cert-state')).toBe('Revoked');
    expect(text(html, 'cert-revoked')).toBe('Revoked on 2026-11-30: 许可注销. It cannot be handed over or printed.');
  });

  it('has every state and delivery choice in every language', () => {
    for (const [lang, data] of Object.entries({ 'zh-CN': zhCN, en, ru })) {
      const c = (data as unknown as { counter: { certificates: Record<string, Record<string, string>> } }).counter.certificates;
      for (const s of CertificateState.options) expect(c.state![s], `${lang} ${s}`).toBeTruthy();
      for (const d of DeliveryChoice.options) expect(c.delivery![d], `${lang} ${d}`).toBeTruthy();
      for (const f of MAIL_FIELDS) expect((c.mail as unknown as { field: Record<string, string> }).field[f], `${lang} ${f}`).toBeTruthy();
    }
  });
});

describe('after the hand-over', () => {
  it('lists what was queued, the A4 printer’s failure as it gave it, and that the rating screen was offered', () => {
    const html = render(<PrintedNotice printed={printed(certificateView())} handedOver />);
    expect(text(html, 'cert-a4-job', '</li')).toBe('A4 证照 打印失败 · ECONNREFUSED');
    expect(text(html, 'cert-slip-job', '</li')).toBe('领证回执 已打印');
    expect(text(html, 'cert-rating-offered')).toBe('已在评价屏为本次领取请办事人评价。');
    expect(render(<PrintedNotice printed={printed(certificateView())} handedOver={false} />)).not.toContain('cert-rating-offered');
  });

  it('shows the e-certificate link as a QR with its expiry on the hall’s clock', () => {
    const html = render(<ElectronicLink link={{ url: 'https://hall.example/e/tok123', expiresAt: '2026-12-02T01:45:00.000Z' }} onClose={noop} />);
    expect(html).toMatch(/<svg class="qr" role="img" aria-label="电子证照下载链接二维码"/);
    expect(text(html, 'cert-link-expires')).toBe('请用手机扫码下载。链接 2026-12-02 09:45 失效。');
    expect(text(html, 'cert-link-url')).toBe('https://hall.example/e/tok123');
  });
});

describe('search and mail input', () => {
  const body = '91230100MA1B2C3D4';
  const good = body + creditCodeCheck(body)!;
  const bad = body + (creditCodeCheck(body) === 'A' ? 'B' : 'A');

  it('a credit code with a wrong check character is said at once and not sent; a right one is searched', () => {
    expect(searchQuery(bad)).toEqual({ kind: 'badCreditCode' });
    expect(searchQuery(` ${good.toLowerCase()} `)).toEqual({ kind: 'query', q: good });
    expect(searchQuery('ACDE2345')).toEqual({ kind: 'query', q: 'ACDE2345' });
    expect(searchQuery('E003')).toEqual({ kind: 'query', q: 'E003' });
    expect(searchQuery('龙江国际')).toEqual({ kind: 'query', q: '龙江国际' });
    expect(searchQuery('   ')).toEqual({ kind: 'empty' });
  });

  it('offers the current ticket’s certificates for a pickup ticket or one with an enterprise', () => {
    expect(offersCertificates(ticket('E003'))).toBe(true);
    expect(offersCertificates(ticket('A012', { enterprise: '龙江拍卖行' }))).toBe(true);
    expect(offersCertificates(ticket('A012'))).toBe(false);
    expect(offersCertificates(null)).toBe(false);
  });

  it('the panel opens on its search box, with the ways to find a certificate', () => {
    const html = render(<CertificatesPanel active current={null} />);
    expect(html).toMatch(/<input id="cert-search"[^>]*type="search"/);
    expect(text(html, 'cert-search-submit', '</button')).toBe('查找 Enter');
    expect(html).toContain('扫描短信二维码或证照二维码也可');
  });

  it('the waybill form holds to the contract: 6-digit postcode, EMS number, a phone', () => {
    const ok = { recipient: '王五', phone: '138 0000 5678', province: '黑龙江省', city: '哈尔滨市', county: '南岗区', street: '学府路 1 号', postcode: '150001', waybill: 'ee 1234 5678 9cn' };
    expect(checkMail(ok)).toEqual({ ok: true, body: { ...ok, phone: '13800005678', waybill: 'EE123456789CN' } });
    expect(checkMail({ ...ok, postcode: '1500', waybill: '12-34', phone: '12345' })).toEqual({ ok: false, errors: { postcode: 'invalid', waybill: 'invalid', phone: 'invalid' } });
    expect(checkMail(emptyMail())).toMatchObject({ ok: false, errors: { recipient: 'required', street: 'required', waybill: 'required' } });
  });

  it('posted / delivered: the time is the hall’s and never later than now; delivered needs the signer', () => {
    const now = Date.parse('2026-12-02T02:00:00.000Z');
    expect(checkMailState({ state: 'posted', day: '2026-12-02', time: '09:30', signer: '' }, ZONE, now)).toEqual({ ok: true, body: { state: 'posted', at: '2026-12-02T01:30:00.000Z', signer: null } });
    expect(checkMailState({ state: 'posted', day: '2026-12-02', time: '11:30', signer: '' }, ZONE, now)).toEqual({ ok: false, errors: { when: 'invalid' } });
    expect(checkMailState({ state: 'delivered', day: '2026-12-02', time: '9:30', signer: ' ' }, ZONE, now)).toEqual({ ok: false, errors: { when: 'invalid', signer: 'required' } });
    expect(checkMailState({ state: 'delivered', day: '2026-12-02', time: '09:30', signer: '王五' }, ZONE, now)).toMatchObject({ ok: true, body: { signer: '王五' } });
  });
});

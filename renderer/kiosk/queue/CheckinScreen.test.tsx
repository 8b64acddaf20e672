import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import { createClient } from '../../api/client.js';
import { ClientProvider } from '../../api/context.js';
import { createI18n } from '../../i18n/i18n.js';
import { KioskSessionProvider } from '../state.js';
import { AppointmentChoice, type PhoneAppointment } from './AppointmentChoice.js';
import { CheckinScreen } from './CheckinScreen.js';

const neverCalled = (async () => {
  throw new Error('no call while rendering');
}) as typeof fetch;

function render(node: React.ReactNode, lang: Lang = 'zh-CN'): string {
  const i18n = createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ClientProvider client={createClient({ fetch: neverCalled })}>
        <KioskSessionProvider>{node}</KioskSessionProvider>
      </ClientProvider>
    </I18nextProvider>,
  );
}

describe('check-in screen', () => {
  it('offers the three ways at once: scan the QR code, type the code, or use the phone digits', () => {
    const html = render(<CheckinScreen />);
    expect(html).toMatch(/data-testid="checkin-scan-hint"[^>]*>.*请把它对准扫码口/s);
    expect(html).toMatch(/data-testid="checkin-mode-code" aria-pressed="true"[^>]*>输入预约码/);
    expect(html).toMatch(/data-testid="checkin-mode-phone" aria-pressed="false"[^>]*>用手机号后四位/);
    expect(html).toContain('请先输入预约时告诉您的 6 位预约码，再输入预约手机号的后四位');
  });

  it('has a big number pad with every digit, clear and delete, six empty code boxes and four for the phone digits', () => {
    const html = render(<CheckinScreen />);
    const pad = html.slice(html.indexOf('data-testid="numpad"'));
    for (const key of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', 'backspace']) expect(pad).toContain(`data-key="${key}"`);
    expect(html).toMatch(/data-testid="checkin-code" data-value=""/);
    expect(html).toMatch(/data-testid="checkin-code-phone" data-value=""/);
    expect(html.match(/class="digit-box( [a-z]+)?"/g)).toHaveLength(10);
    // Only the code's first box waits for a digit; the phone's wait until the code is complete.
    expect(html.match(/class="digit-box next"/g)).toHaveLength(1);
    expect(html).toContain('已输入：—，还差 6 位');
  });

  it('cannot be submitted before the code is complete', () => {
    expect(render(<CheckinScreen />)).toMatch(/<button[^>]*data-testid="checkin-submit" disabled=""/);
  });
});

describe('choosing the enterprise after the phone digits', () => {
  const appts: PhoneAppointment[] = [
    { id: '01JD8ZQ3W4X5Y6Z7A8B9C0D1E2', enterprise: '黑龙江龙江拍卖有限公司', matter: '拍卖企业从事拍卖业务许可', from: '09:00', to: '09:30' },
    { id: '01JD8ZQ3W4X5Y6Z7A8B9C0D1E3', enterprise: '哈尔滨北方劳务合作有限公司', matter: '对外劳务合作经营资格核准', from: '10:00', to: '10:30' },
  ];
  const choice = (list: PhoneAppointment[], busyId: string | null = null, lang: Lang = 'zh-CN') =>
    render(<AppointmentChoice appointments={list} busyId={busyId} onChoose={() => undefined} onAgain={() => undefined} />, lang);

  it('lists each appointment with enterprise, matter and time', () => {
    const html = choice(appts);
    expect(html.match(/data-testid="appointment-option"/g)).toHaveLength(2);
    expect(html).toMatch(/data-id="01JD8ZQ3W4X5Y6Z7A8B9C0D1E2"[^>]*>.*黑龙江龙江拍卖有限公司.*拍卖企业从事拍卖业务许可.*预约时间 09:00–09:30/s);
    expect(html).toContain('请点选您的单位');
  });

  it('while checking in, every choice waits and the chosen one says so', () => {
    const html = choice(appts, appts[1]!.id);
    expect(html.match(/data-testid="appointment-option"[^>]*disabled=""/g)).toHaveLength(2);
    expect(html).toMatch(/aria-busy="true"[^>]*>.*哈尔滨北方劳务合作有限公司.*正在签到/s);
  });

  it('with no appointment today for the digits, says so, where to get help, and lets the visitor retype', () => {
    const html = choice([], null, 'en');
    expect(html).toMatch(/data-testid="phone-none"[^>]*>.*No appointment for today was found.*ask a member of staff/s);
    expect(html).toMatch(/data-testid="phone-again"[^>]*>Type again/);
  });
});

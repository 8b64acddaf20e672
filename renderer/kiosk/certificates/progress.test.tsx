import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import type { CertificateProgress } from '../../../core/contract/certificate-api.js';
import { createI18n } from '../../i18n/i18n.js';
import { CertificateProgressView, progressState } from './CertificateProgressView.js';

type Progress = z.infer<typeof CertificateProgress>;
const noop = () => undefined;
const render = (p: Progress, lang: Lang = 'zh-CN') =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <CertificateProgressView progress={p} onAgain={noop} onDone={noop} />
    </I18nextProvider>,
  );
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

const ready: Progress = {
  name: '对外劳务合作经营资格证书',
  number: '黑商外劳〔2026〕第 0042 号',
  state: 'ready',
  delivery: 'on_spot',
  pickup: { line: 'E', lineName: { 'zh-CN': '证照领取与综合咨询', en: 'Certificate pickup and general enquiries', ru: 'Выдача документов и общие консультации' }, counters: [6] },
  handover: null,
  mail: null,
  revoked: null,
};
const at = (iso: string, day: string, time: string) => ({ at: iso, day, time });
const delivered: Progress = {
  ...ready,
  state: 'mailed',
  delivery: 'mail',
  pickup: null,
  mail: {
    waybill: '1187654321098',
    state: 'delivered',
    recordedAt: at('2026-12-03T15:59:00.000Z', '2026-12-03', '23:59'),
    postedAt: at('2026-12-03T16:01:00.000Z', '2026-12-04', '00:01'),
    deliveredAt: at('2026-12-05T02:30:00.000Z', '2026-12-05', '10:30'),
    signer: '张*',
  },
};

describe("a certificate's progress at the kiosk", () => {
  it('a ready one: ready to collect, at counter 6 of the pickup line, bring the code and an ID', () => {
    const html = render(ready);
    expect(html).toContain('data-state="ready"');
    const text = textOf(html);
    expect(text).toContain('您的证照已办好，可以领取了');
    expect(text).toContain('请到6号窗口（证照领取与综合咨询）领取');
    expect(text).toContain('黑商外劳〔2026〕第 0042 号');
    expect(html).not.toContain('cert-progress-step');
    expect(textOf(render(ready, 'en'))).toContain('Please collect it at counter 6 (Certificate pickup and general enquiries).');
  });

  it('a delivered one: posted and delivered on the hall days, with the masked signer and the waybill', () => {
    const html = render(delivered);
    expect(html).toContain('data-state="delivered"');
    const text = textOf(html);
    expect(text).toContain('您的证照已送达');
    expect(text).toContain('1187654321098');
    expect(text).toContain('2026年12月3日 23:59，窗口登记了EMS邮寄');
    expect(text).toContain('2026年12月4日 00:01，已寄出');
    expect(text).toContain('2026年12月5日 10:30，已送达，签收人：张*');
    const ru = textOf(render(delivered, 'ru'));
    expect(ru).toContain('4 декабря 2026 г., 00:01: отправлен');
    expect(ru).toContain('доставлен, получил(а) 张*');
    expect(textOf(render(delivered, 'en'))).toContain('December 5, 2026, 10:30: delivered, signed for by 张*');
  });

  it('the states in between read plainly: waiting to be mailed, mailed, posted', () => {
    expect(textOf(render({ ...ready, delivery: 'mail', pickup: null }))).toContain('您的证照已办好，等待邮寄');
    const recorded = { ...delivered, mail: { ...delivered.mail!, state: 'recorded' as const, postedAt: null, deliveredAt: null, signer: null } };
    expect(progressState(recorded)).toBe('mailed');
    expect(textOf(render(recorded, 'en'))).toContain('Your certificate is being mailed');
    const posted = { ...delivered, mail: { ...delivered.mail!, state: 'posted' as const, deliveredAt: null, signer: null } };
    expect(render(posted)).toContain('data-state="posted"');
    expect(textOf(render(posted))).toContain('请留意快递员的电话');
    // Mailed from another PC: no waybill known here, no empty field shown.
    const elsewhere = render({ ...recorded, mail: { ...recorded.mail, waybill: null, recordedAt: null } });
    expect(elsewhere).toContain('data-state="mailed"');
    expect(elsewhere).not.toContain('cert-progress-waybill');
    expect(elsewhere).not.toContain('cert-progress-step');
  });

  it('handed over at a counter or printed at the kiosk: when and where', () => {
    const counter = render({ ...ready, state: 'handed_over', pickup: null, handover: { channel: 'counter', counter: '6', at: at('2026-12-02T15:59:00.000Z', '2026-12-02', '23:59') } });
    expect(counter).toContain('data-state="handed-over"');
    expect(textOf(counter)).toContain('2026年12月2日 23:59，在6号窗口领取');
    const kiosk = render({ ...ready, state: 'handed_over', pickup: null, handover: { channel: 'kiosk', counter: 'kiosk', at: at('2026-12-02T16:01:00.000Z', '2026-12-03', '00:01') } }, 'en');
    expect(textOf(kiosk)).toContain('December 3, 2026, 00:01: collected at the self-service kiosk');
  });

  it('a revoked or replaced one says so and sends the visitor to a counter', () => {
    const revoked = textOf(render({ ...ready, state: 'revoked', pickup: null, revoked: { on: '2026-11-30', reason: '企业注销' } }));
    expect(revoked).toContain('这份证照已撤销');
    expect(revoked).toContain('已于2026年11月30日撤销：企业注销。请到窗口咨询。');
    expect(textOf(render({ ...ready, state: 'superseded', pickup: null }, 'ru'))).toContain('Этот документ заменён новым');
  });
});

import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import type { OpinionProgress } from '../../../core/contract/opinions.js';
import { ApiError, createClient } from '../../api/client.js';
import { ClientProvider } from '../../api/context.js';
import { createI18n } from '../../i18n/i18n.js';
import { HomeScreen } from '../screens/HomeScreen.js';
import { KioskSessionProvider } from '../state.js';
import { FeedbackProblem } from './FeedbackProblem.js';
import { OpinionFiledView, type FiledOpinion } from './OpinionFiledView.js';
import { OpinionScreen } from './OpinionScreen.js';
import { RateTicketScreen } from './RateTicketScreen.js';
import { TrackResult, TrackScreen } from './TrackScreen.js';

const noop = () => undefined;
function render(node: ReactNode, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ClientProvider client={createClient({ fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch })}>
        <KioskSessionProvider>{node}</KioskSessionProvider>
      </ClientProvider>
    </I18nextProvider>,
  );
}
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const filed: FiledOpinion = {
  trackingCode: 'K7PM-3XQ9',
  filedAt: '2026-11-26T01:30:00.000Z',
  print: 'queued',
  jobId: 'job-1',
  printer: { configured: true, state: 'online', pending: 1, lastFailure: null },
  withPhone: true,
};
const progress: OpinionProgress = {
  trackingCode: 'K7PM-3XQ9',
  kind: 'complaint',
  state: 'assigned',
  filedAt: '2026-11-26T01:30:00.000Z',
  deadline: '2026-12-17',
  feedback: null,
  received: true,
};

describe('kiosk home', () => {
  it('offers the opinion box, rating by ticket and the progress lookup', () => {
    const html = render(<HomeScreen />);
    for (const id of ['home-opinion', 'home-rate', 'home-track']) expect(html).toContain(`data-testid="${id}"`);
    expect(textOf(html)).toContain('意见箱 / 投诉');
    expect(textOf(html)).toContain('评价服务');
  });
});

describe('the opinion box', () => {
  it('starts by asking for the kind: opinion, suggestion, complaint, letter to the leadership', () => {
    const html = render(<OpinionScreen />);
    expect(html).toContain('data-step="kind"');
    for (const k of ['opinion', 'suggestion', 'complaint', 'leadership-letter']) expect(html).toContain(`data-testid="opinion-kind-${k}"`);
    expect(textOf(html)).toContain('领导信箱');
    expect(textOf(render(<OpinionScreen />, 'en'))).toContain('Letter to the leadership');
  });

  it('shows the tracking code big, that the slip is printing, and what a lookup needs', () => {
    const text = textOf(render(<OpinionFiledView filed={filed} onDone={noop} />));
    expect(text).toContain('K7PM-3XQ9');
    expect(text).toContain('回执正在打印，请从下方出票口取走。');
    expect(text).toContain('凭查询码和手机号后四位');
  });

  it('tells the visitor to note the code when no slip comes out, and needs no digits without a phone', () => {
    const html = render(<OpinionFiledView filed={{ ...filed, print: 'printer-down', jobId: null, withPhone: false }} onDone={noop} />);
    expect(html).toContain('data-print="printer-down"');
    expect(textOf(html)).toContain('打印机暂时不能打印。请记下查询码或用手机拍下。');
    expect(textOf(html)).not.toContain('后四位');
  });

  it('on a kiosk with no printer, shows the receipt on screen calmly; a printer that failed is a warning', () => {
    const calm = render(<OpinionFiledView filed={{ ...filed, print: 'no-printer', jobId: null }} onDone={noop} />);
    expect(calm).toContain('class="ticket-note slip on-screen"');
    expect(textOf(calm)).toContain('回执显示在屏幕上。请记下查询码或用手机拍下。');
    expect(textOf(calm)).not.toContain('打印机');
    const down = render(<OpinionFiledView filed={{ ...filed, print: 'printer-down', jobId: null }} onDone={noop} />);
    expect(down).toContain('class="ticket-note slip note-number"');
  });
});

describe('the progress lookup', () => {
  it('asks for the code and the last four digits, with the on-screen keyboard', () => {
    const html = render(<TrackScreen />);
    for (const id of ['track-code', 'track-last4', 'osk', 'track-submit']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toMatch(/data-testid="track-submit" disabled=""/);
  });

  it('shows the state, the deadline and that no answer has come yet', () => {
    const html = render(<TrackResult progress={progress} onAgain={noop} onDone={noop} />);
    expect(html).toContain('data-state="assigned"');
    const text = textOf(html);
    expect(text).toContain('已交办理部门');
    expect(text).toContain('2026年12月17日');
    expect(text).toContain('还没有答复，请耐心等待。');
    expect(html).not.toContain('track-not-received');
  });

  it('shows the feedback once given, and says when the opinion is still only on this kiosk', () => {
    const text = textOf(render(<TrackResult progress={{ ...progress, state: 'received', deadline: null, received: false, feedback: '已核实并整改。' }} onAgain={noop} onDone={noop} />, 'ru'));
    expect(text).toContain('已核实并整改。');
    expect(text).toContain('Ещё не назначен');
    expect(text).toContain('сохранено на этом терминале');
  });

  it('explains NOT_FOUND without saying which part was wrong, and a dead service in our own words', () => {
    const notFound = render(<FeedbackProblem error={new ApiError('NOT_FOUND', '没有找到您要的内容。', 404)} notFound="没有找到。请核对查询码和手机号后四位。" />);
    expect(notFound).toContain('data-kind="not-found"');
    expect(textOf(notFound)).toContain('请核对查询码和手机号后四位');
    const network = render(<FeedbackProblem error={new ApiError('NETWORK', 'fetch failed', null)} notFound="x" />, 'en');
    expect(textOf(network)).toContain('The terminal service cannot be reached.');
    const server = render(<FeedbackProblem error={new ApiError('SERVER_UNREACHABLE', '暂时连不上中心服务器，请稍后再试。', 503)} notFound="x" />);
    expect(textOf(server)).toContain('暂时连不上中心服务器');
  });
});

describe('rating by ticket at the kiosk', () => {
  it('asks for the ticket number, with a dash key for offline numbers', () => {
    const html = render(<RateTicketScreen />);
    expect(html).toContain('data-step="number"');
    for (const id of ['rate-number', 'osk', 'rate-dash', 'rate-find']) expect(html).toContain(`data-testid="${id}"`);
  });
});

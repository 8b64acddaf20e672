import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/contract/common.js';
import { RatingInput, type RatingPrompt } from '../../core/contract/ratings.js';
import { ApiError, createClient } from '../api/client.js';
import { ClientProvider } from '../api/context.js';
import { createI18n } from '../i18n/i18n.js';
import { ratingErrorText } from './errors.js';
import { canSubmit, ratingInput, ratingView, toggleReason } from './logic.js';
import RatingApp from './RatingApp.js';
import { LevelButtons, ReasonsPanel } from './RatingForm.js';
import { ServiceCard } from './ServiceCard.js';
import { Thanks } from './Thanks.js';

const noop = () => undefined;
const prompt: RatingPrompt = {
  serviceId: '01JD8ZQ3W4X5Y6Z7A8B9C0D1E2',
  ticketNumber: 'A012',
  counterNo: 3,
  clerkName: '王芳',
  clerkNumber: '0101',
  service: 'A',
  matter: { 'zh-CN': '拍卖企业从事拍卖业务许可', en: 'Auction business licence' },
  finishedAt: '2026-11-26T09:30:00+08:00',
  expiresAt: '2026-11-26T09:32:00+08:00',
};

function render(node: ReactNode, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ClientProvider client={createClient({ fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch })}>{node}</ClientProvider>
    </I18nextProvider>,
  );
}
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what a rating sends', () => {
  it('sends a good rating without reasons or comment, whatever was typed', () => {
    expect(ratingInput(5, [], 'great')).toEqual({ level: 5, reasons: [], comment: null });
    expect(RatingInput.safeParse(ratingInput(3, [], '')).success).toBe(true);
  });

  it('needs a reason for a bad rating; sends reasons in list order and a trimmed comment', () => {
    expect(canSubmit(2, [])).toBe(false);
    expect(canSubmit(1, ['attitude'])).toBe(true);
    expect(canSubmit(null, [])).toBe(false);
    const sent = ratingInput(1, ['unresolved', 'efficiency'], '  等了一个小时  ');
    expect(sent).toEqual({ level: 1, reasons: ['efficiency', 'unresolved'], comment: '等了一个小时' });
    expect(RatingInput.safeParse(sent).success).toBe(true);
    expect(ratingInput(2, ['rules'], '   ').comment).toBeNull();
  });

  it('toggles a reason on and off', () => {
    expect(toggleReason(toggleReason([], 'attitude'), 'rules')).toEqual(['attitude', 'rules']);
    expect(toggleReason(['attitude', 'rules'], 'attitude')).toEqual(['rules']);
  });
});

describe('which view the rating screen shows', () => {
  it('asks about a service once; thanks, then idle even while the prompt lingers', () => {
    const id = prompt.serviceId;
    expect(ratingView(null, null, new Set())).toEqual({ kind: 'idle' });
    expect(ratingView(id, null, new Set())).toEqual({ kind: 'rate', serviceId: id });
    expect(ratingView(id, id, new Set([id]))).toEqual({ kind: 'thanks' });
    expect(ratingView(id, null, new Set([id]))).toEqual({ kind: 'idle' });
    expect(ratingView('01JD8ZQ3W4X5Y6Z7A8B9C0D1E3', null, new Set([id])).kind).toBe('rate');
  });
});

describe('rating screen parts', () => {
  it('starts idle, asking the visitor to rate after the service, with the three languages offered', () => {
    const html = render(<RatingApp />);
    expect(html).toContain('data-view="idle"');
    expect(textOf(html)).toContain('办理结束后，请在这里为本次服务评价。');
    for (const l of ['zh-CN', 'en', 'ru']) expect(html).toContain(`data-testid="rating-lang-${l}"`);
  });

  it('shows who served: name, staff number, counter, matter and ticket', () => {
    const text = textOf(render(<ServiceCard prompt={prompt} />));
    for (const s of ['王芳', '工号 0101', '3 号窗口', '拍卖企业从事拍卖业务许可', 'A012']) expect(text).toContain(s);
    expect(textOf(render(<ServiceCard prompt={prompt} />, 'en'))).toContain('Counter 3');
  });

  it('names the matter in the language the visitor chose, in Chinese where it has no translation', () => {
    const matter = (lang: Lang) => render(<ServiceCard prompt={prompt} />, lang).match(/data-testid="rating-matter">([^<]+)</)?.[1];
    expect(matter('zh-CN')).toBe('拍卖企业从事拍卖业务许可');
    expect(matter('en')).toBe('Auction business licence');
    expect(matter('ru')).toBe('拍卖企业从事拍卖业务许可');
  });

  it('offers five levels in words, from very satisfied to very dissatisfied', () => {
    const html = render(<LevelButtons busy={false} onChoose={noop} />);
    const words = [...html.matchAll(/class="rating-word">([^<]+)</g)].map((m) => m[1]);
    expect(words).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(render(<LevelButtons busy={false} onChoose={noop} />, 'ru')).toContain('Очень недоволен');
  });

  it('keeps the buttons disabled and says it is sending while busy', () => {
    const html = render(<LevelButtons busy onChoose={noop} />);
    expect(html.match(/disabled=""/g)).toHaveLength(5);
    expect(html).toContain('data-testid="rating-busy"');
  });

  it('asks a bad rating for a reason before it can be sent', () => {
    const none = render(<ReasonsPanel level={2} reasons={[]} comment="" busy={false} onToggle={noop} onComment={noop} onBack={noop} onSubmit={noop} />);
    expect(textOf(none)).toContain('您选择了： 不满意');
    expect(none).toContain('data-testid="rating-need-reason"');
    expect(none).toMatch(/data-testid="rating-submit" disabled=""/);
    expect(none.match(/data-testid="rating-reason-/g)).toHaveLength(7);
    const one = render(<ReasonsPanel level={1} reasons={['attitude']} comment="" busy={false} onToggle={noop} onComment={noop} onBack={noop} onSubmit={noop} />);
    expect(one).toMatch(/data-testid="rating-reason-attitude" aria-pressed="true"/);
    expect(one).not.toContain('rating-need-reason');
    expect(one).not.toMatch(/data-testid="rating-submit" disabled=""/);
  });

  it('thanks the visitor, or says plainly the service was already rated', () => {
    expect(textOf(render(<Thanks outcome="recorded" />))).toContain('感谢您的评价！');
    expect(textOf(render(<Thanks outcome="already-rated" />, 'en'))).toContain('This service has already been rated');
  });

  it('explains failures in words: the service’s message, or our own when it is unreachable', () => {
    const t = createI18n('zh-CN').t;
    expect(ratingErrorText(new ApiError('NETWORK', 'fetch failed', null), t)).toBe('暂时连不上本机服务，请稍后再试。');
    expect(ratingErrorText(new ApiError('NOT_FOUND', '没有找到您要的内容。', 404), t)).toBe('没有找到您要的内容。');
  });
});

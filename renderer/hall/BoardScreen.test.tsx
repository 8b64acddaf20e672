import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/contract/common.js';
import type { BoardView } from '../../core/contract/hall-api.js';
import { ApiError } from '../api/client.js';
import { createI18n } from '../i18n/i18n.js';
import { BoardScreen, type BoardScreenProps } from './BoardScreen.js';

const view: BoardView = {
  hall: 'hq',
  online: true,
  counters: [
    { counterNo: 1, number: 'B002', service: 'B', staffNumber: '0101', presence: 'open' },
    { counterNo: 3, number: 'A012', service: 'A', staffNumber: '0103', presence: 'open' },
    { counterNo: 4, number: null, service: null, staffNumber: null, presence: 'open' },
  ],
  recent: [
    { number: 'A012', counterNo: 3, calledAt: '2026-11-26T09:12:00+08:00', callCount: 1 },
    { number: 'B002', counterNo: 1, calledAt: '2026-11-26T09:05:00+08:00', callCount: 1 },
  ],
  waiting: [
    { service: 'A', name: { 'zh-CN': '综合咨询', en: 'General enquiries', ru: 'Общие вопросы' }, count: 1 },
    { service: 'B', name: { 'zh-CN': '证书领取' }, count: 5 },
  ],
  timeZone: 'Asia/Shanghai',
};

function render(props: Partial<BoardScreenProps> = {}, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <BoardScreen view={view} lang={lang} flashing={new Map()} reconnecting={false} error={undefined} now={new Date('2026-11-26T01:07:00Z')} {...props} />
    </I18nextProvider>,
  );
}

/** The text of the element carrying `data-testid`, up to its first closing `</li>` or the given tag. */
function textOf(html: string, testid: string, until = '</li>'): string {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start, testid).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf(until, start)).replace(/<[^>]+>/g, ' ').replace(/^[^>]*>/, '').replace(/\s+/g, ' ').trim();
}

describe('call board', () => {
  it('shows each counter with its current number and window, and a dash for a counter with no call', () => {
    const html = render();
    expect(textOf(html, 'hall-counter-3')).toBe('A012 → 3号窗口');
    expect(textOf(html, 'hall-counter-1')).toBe('B002 → 1号窗口');
    expect(textOf(html, 'hall-counter-4')).toBe('— → 4号窗口 暂无叫号');
    expect(html).toContain('data-testid="hall-clock">09:07<');
  });

  it('shows the hall’s clock and date at its midnight, whatever the browser’s zone', () => {
    const before = render({ now: new Date('2026-12-01T15:59:00Z') });
    expect(textOf(before, 'hall-clock', '</time>')).toBe('23:59');
    expect(textOf(before, 'hall-date', '</span>')).toBe('12月1日星期二');
    const after = render({ now: new Date('2026-12-01T16:01:00Z') }, 'en');
    expect(textOf(after, 'hall-clock', '</time>')).toBe('00:01');
    expect(textOf(after, 'hall-date', '</span>')).toBe('Wednesday, December 2');
    const elsewhere = render({ view: { ...view, timeZone: 'America/Los_Angeles' }, now: new Date('2026-12-01T16:01:00Z') });
    expect(textOf(elsewhere, 'hall-clock', '</time>')).toBe('08:01');
  });

  it('shows no clock before the board has said which zone the hall keeps', () => {
    expect(render({ view: undefined })).not.toContain('hall-clock');
  });

  it('lists recent calls newest first and people waiting per line', () => {
    const html = render();
    const recent = html.slice(html.indexOf('data-testid="hall-recent"'), html.indexOf('</ol>'));
    expect([...recent.matchAll(/data-number="([^"]+)"/g)].map((m) => m[1])).toEqual(['A012', 'B002']);
    expect(textOf(html, 'hall-waiting-A')).toBe('A 综合咨询 1 人等候');
    expect(textOf(html, 'hall-waiting-B')).toBe('B 证书领取 5 人等候');
  });

  it('flashes the newly called number on its counter and in the recent list, nothing else', () => {
    const html = render({ flashing: new Map([['A012', 1]]) });
    expect(html).toMatch(/<li class="hall-call flash" data-testid="hall-counter-3"[ >]/);
    expect(html).toMatch(/<li class="hall-call" data-testid="hall-counter-1"[ >]/);
    expect(html).toMatch(/<li class="flash" data-testid="hall-recent-item" data-number="A012">/);
    expect(html.match(/flash/g)).toHaveLength(2);
  });

  it('shows a counter nobody is signed in at as closed and one whose clerk stepped away as away, in the board’s language', () => {
    const counters: BoardView['counters'] = [
      { counterNo: 1, number: 'B002', service: 'B', staffNumber: '0101', presence: 'open' },
      { counterNo: 2, number: null, service: null, staffNumber: null, presence: 'closed' },
      { counterNo: 3, number: null, service: null, staffNumber: '0103', presence: 'away' },
    ];
    const zh = render({ view: { ...view, counters } });
    expect(textOf(zh, 'hall-counter-2')).toBe('— → 2号窗口 暂停服务');
    expect(zh).toMatch(/<li class="hall-call idle closed" data-testid="hall-counter-2" data-presence="closed"/);
    expect(textOf(zh, 'hall-counter-3')).toBe('— → 3号窗口 工作人员暂时离开');
    expect(textOf(zh, 'hall-counter-1')).toBe('B002 → 1号窗口');
    expect(textOf(render({ view: { ...view, counters } }, 'en'), 'hall-counter-2-state', '</span>')).toBe('Closed');
    expect(textOf(render({ view: { ...view, counters } }, 'ru'), 'hall-counter-3-state', '</span>')).toBe('Сотрудник отошёл');
  });

  it('keeps showing the last data with a discreet mark while the live channel reconnects', () => {
    const html = render({ reconnecting: true });
    expect(textOf(html, 'hall-reconnecting', '</span>')).toBe('正在重新连接…');
    expect(textOf(html, 'hall-counter-3')).toBe('A012 → 3号窗口');
    expect(render()).not.toContain('hall-reconnecting');
  });

  it('says when a refetch failed or the central server is away, still with the numbers', () => {
    const html = render({ view: { ...view, online: false }, error: new ApiError('NETWORK', 'fetch failed', null) });
    expect(textOf(html, 'hall-stale', '</span>')).toBe('更新失败，正在重试');
    expect(textOf(html, 'hall-offline', '</span>')).toBe('中心服务器未连接');
    expect(html).toContain('A012');
  });

  it('before any data: loading, then the error in plain words (the service message, or our own for the network)', () => {
    expect(render({ view: undefined })).toContain('data-testid="hall-loading"');
    expect(textOf(render({ view: undefined, error: new ApiError('NETWORK', 'fetch failed', null) }), 'hall-error', '</p>')).toBe('暂时无法连接本机服务，正在重试…');
    expect(textOf(render({ view: undefined, error: new ApiError('INTERNAL', '服务内部错误', 500) }), 'hall-error', '</p>')).toBe('服务内部错误');
  });

  it('shows no recent list before the first call', () => {
    const html = render({ view: { ...view, recent: [], counters: view.counters.map((c) => ({ ...c, number: null })) } });
    expect(textOf(html, 'hall-recent-empty', '</p>')).toBe('暂无叫号');
  });

  it('reads in English and Russian, with the line names in that language where given', () => {
    const en = render({}, 'en');
    expect(textOf(en, 'hall-counter-3')).toBe('A012 → Counter 3');
    expect(textOf(en, 'hall-waiting-A')).toBe('A General enquiries 1 waiting');
    expect(textOf(en, 'hall-waiting-B')).toBe('B 证书领取 5 waiting');
    const ru = render({}, 'ru');
    expect(textOf(ru, 'hall-counter-3')).toBe('A012 → Окно 3');
    expect(textOf(ru, 'hall-waiting-A')).toBe('A Общие вопросы 1 человек');
    expect(textOf(ru, 'hall-waiting-B')).toBe('B 证书领取 5 человек');
  });
});

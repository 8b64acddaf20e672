import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/contract/common.js';
import type { SyncStatusView } from '../../core/contract/hall-api.js';
import { createI18n } from '../i18n/i18n.js';
import { StatusView } from './StatusView.js';

const now = new Date('2026-11-26T02:00:00Z');

const healthy: SyncStatusView = {
  enrolled: true,
  terminal: { id: 't-01', name: '自助机 1', hall: 'hq', ticketPrefix: 'T3' },
  online: true,
  backlog: 0,
  lastSyncAt: '2026-11-26T01:57:00Z',
  lastError: null,
  problem: null,
  clock: { state: 'ok', offsetMs: 1200, boundMs: 60_000, measuredAt: '2026-11-26T01:59:00Z' },
  deadLetters: [],
  conflicts: [],
  timeZone: 'Asia/Shanghai',
};

function render(status: SyncStatusView, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <StatusView status={status} lang={lang} now={now} />
    </I18nextProvider>,
  );
}

/** Text inside the element carrying `data-testid` (up to `until`), tags stripped. */
function textOf(html: string, testid: string, until: string): string {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start, testid).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf(until, start)).replace(/^[^>]*>/, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ').trim();
}

describe('sync status', () => {
  it('a healthy enrolled terminal: online, nothing waiting, last sync relative and absolute, clock fine', () => {
    const html = render(healthy);
    expect(textOf(html, 'status-online', '</p>')).toBe('● 已连接');
    expect(textOf(html, 'status-terminal-name', '</dd>')).toBe('自助机 1');
    expect(textOf(html, 'status-terminal-prefix', '</dd>')).toBe('T3');
    expect(textOf(html, 'status-backlog', '</p>')).toBe('全部已上传');
    expect(textOf(html, 'status-last-sync', '</p>')).toBe('3分钟前 (2026年11月26日 09:57:00)');
    expect(textOf(html, 'status-last-error', '</p>')).toBe('无');
    expect(textOf(html, 'status-clock', '</p>')).toBe('本机时间正常（相差 1秒钟，允许 1分钟）。');
    expect(html).not.toContain('status-clock-warning');
    expect(textOf(html, 'status-dead-none', '</p>')).toBe('没有被拒收的记录。');
  });

  it('warns plainly when the clock drifted beyond the bound, saying which way', () => {
    const html = render({ ...healthy, clock: { state: 'drifted', offsetMs: -5 * 60_000 - 4000, boundMs: 60_000, measuredAt: '2026-11-26T01:59:00Z' } });
    expect(textOf(html, 'status-clock-warning', '</p>')).toBe('本机时间与中心服务器相差 5分钟，请校准时间');
    expect(html).toMatch(/role="alert" data-testid="status-clock"/);
    expect(textOf(html, 'status-clock', '</div>')).toContain('本机时间偏快。 允许误差 1分钟。');
    const en = render({ ...healthy, clock: { state: 'drifted', offsetMs: 2 * 60_000, boundMs: 60_000, measuredAt: null } }, 'en');
    expect(textOf(en, 'status-clock-warning', '</p>')).toBe("This computer's clock differs from the central server by 2 minutes. Please set the time");
    expect(textOf(en, 'status-clock', '</div>')).toContain('This clock is slow.');
  });

  it('offline, not enrolled, with a backlog and the last error', () => {
    const html = render({ ...healthy, enrolled: false, terminal: null, online: false, backlog: 12, lastSyncAt: null, lastError: 'NETWORK', clock: { state: 'unknown', offsetMs: null, boundMs: 60_000, measuredAt: null } });
    expect(textOf(html, 'status-online', '</p>')).toBe('○ 未连接');
    expect(textOf(html, 'status-not-enrolled', '</p>')).toBe('本机尚未注册到中心服务器，请联系管理员。');
    expect(textOf(html, 'status-backlog', '</p>')).toBe('12 条记录待上传');
    expect(textOf(html, 'status-last-sync', '</span>')).toBe('尚未同步');
    expect(textOf(html, 'status-last-error', '</p>')).toBe('无法连接中心服务器 (NETWORK)');
    expect(textOf(html, 'status-clock', '</p>')).toBe('尚未与中心服务器对时。');
  });

  it('says in words why an enrolled terminal is offline and what to do, with the code for the administrator', () => {
    const unreachable = { ...healthy, online: false, problem: { reason: 'unreachable' as const, code: 'NETWORK', serverUrl: 'https://10.0.0.5:4700' } };
    const zh = render(unreachable);
    expect(textOf(zh, 'status-problem-text', '</p>')).toBe(
      '无法连接中心服务器 https://10.0.0.5:4700。请检查网络，并确认中心服务器正在运行、地址和端口未变；若中心服务器已换地址或端口，请重新注册本机。',
    );
    expect(textOf(zh, 'status-problem', '</div>')).toContain('错误代码（供管理员参考）： NETWORK');
    expect(textOf(render(unreachable, 'en'), 'status-problem-text', '</p>')).toMatch(/^Cannot reach the central server at https:\/\/10\.0\.0\.5:4700\. /);
    expect(textOf(render(unreachable, 'ru'), 'status-problem-text', '</p>')).toMatch(/^Нет связи с центральным сервером https:\/\/10\.0\.0\.5:4700\. /);
    const cases = [
      ['certificate', 'CERTIFICATE_MISMATCH', /^The central server at .* shows a different certificate than at enrollment/],
      ['disabled', 'TERMINAL_DISABLED', /^The administrator has disabled this terminal/],
      ['not-recognised', 'TERMINAL_UNKNOWN', /does not recognise this terminal/],
      ['clock', 'TIMESTAMP_OUT_OF_WINDOW', /clock is too far from the central server's/],
      ['server-error', 'INTERNAL', /internal error/],
      ['ack-gap', 'ACK_GAP', /lacks earlier records/],
      ['refused', 'TERMINAL_ROLE_FORBIDDEN', /refuses this terminal's requests/],
    ] as const;
    for (const [reason, code, words] of cases) {
      const html = render({ ...healthy, online: false, problem: { reason, code, serverUrl: 'http://127.0.0.1:4700' } }, 'en');
      expect(textOf(html, 'status-problem-text', '</p>'), reason).toMatch(words);
      expect(html).toContain(`data-reason="${reason}"`);
    }
    expect(render(healthy)).not.toContain('status-problem');
  });

  it("says the office's own names in the screen's language and shows the stored hall as a labelled code", () => {
    const office = { ...healthy, terminal: { id: 't-01', name: 'This computer', hall: 'main', ticketPrefix: 'T1' } };
    const zh = render(office);
    expect(textOf(zh, 'status-terminal-name', '</dd>')).toBe('本机（办公室一体机）');
    expect(textOf(zh, 'status-terminal-hall', '</dd>')).toBe('咨询服务处大厅 代码 main');
    expect(zh).not.toContain('This computer');
    expect(textOf(render(office, 'ru'), 'status-terminal-name', '</dd>')).toBe('Этот компьютер (всё отделение на одном компьютере)');
    // A name an administrator gave is shown as given; another hall by its code.
    const named = render({ ...healthy, terminal: { id: 't-02', name: '自助机 2', hall: 'east', ticketPrefix: null } }, 'en');
    expect(textOf(named, 'status-terminal-name', '</dd>')).toBe('自助机 2');
    expect(textOf(named, 'status-terminal-hall', '</dd>')).toBe('code east');
  });

  it('lists every refused record with its type, times and the reason', () => {
    const html = render({
      ...healthy,
      deadLetters: [
        { deviceSeq: 41, type: 'ticket.issued', createdAt: '2026-11-26T01:00:00Z', deadAt: '2026-11-26T01:01:00Z', reason: 'unknown service Z' },
        { deviceSeq: 57, type: 'rating.given', createdAt: '2026-11-26T01:30:00Z', deadAt: '2026-11-26T01:31:00Z', reason: 'duplicate rating' },
      ],
    });
    expect(textOf(html, 'status-dead-count', '</span>')).toBe('(2)');
    const rows = [...html.matchAll(/data-testid="status-dead-letter" data-seq="(\d+)">(.*?)<\/tr>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '|')]);
    expect(rows.map((r) => r[0])).toEqual(['41', '57']);
    expect(rows[0]![1]).toContain('ticket.issued');
    expect(rows[0]![1]).toContain('unknown service Z');
    expect(rows[1]![1]).toContain('2026年11月26日 09:31:00');
  });

  const conflicts: SyncStatusView['conflicts'] = [
    { id: '01JX00000000000000000000K1', hall: 'hq', ticketId: '01JX00000000000000000000T1', number: 'A001', kind: 'called-twice', keptCounter: 2, lostCounter: 1, lostAt: '2026-11-26T01:06:00Z', detectedAt: '2026-11-26T01:10:00Z' },
    { id: '01JX00000000000000000000K2', hall: 'hq', ticketId: '01JX00000000000000000000T3', number: 'T35-A003', kind: 'served-elsewhere', keptCounter: 2, lostCounter: 3, lostAt: '2026-11-26T01:20:00Z', detectedAt: '2026-11-26T01:40:00Z' },
  ];
  const conflictRows = (html: string) =>
    [...html.matchAll(/data-testid="status-conflict" data-number="([^"]+)" data-kind="([^"]+)">(.*?)<\/tr>/g)].map((m) => [m[1], m[2], m[3]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|')]);

  it("lists today's queue conflicts: the ticket, what happened in words, who kept it, whose call was set aside, when on the hall's clock", () => {
    const html = render({ ...healthy, conflicts });
    expect(textOf(html, 'status-conflict-count', '</span>')).toBe('(2)');
    expect(conflictRows(html)).toEqual([
      ['A001', 'called-twice', '|A001|两个窗口都叫了这个号|2号窗口|1号窗口|09:06|'],
      ['T35-A003', 'served-elsewhere', '|T35-A003|已在另一窗口办结|2号窗口|3号窗口|09:20|'],
    ]);
    expect(html).toContain('按大厅时间先叫的窗口保留该号');
    expect(conflictRows(render({ ...healthy, conflicts }, 'en')).map((r) => r[2])).toEqual(['|A001|Called at two counters|Counter 2|Counter 1|09:06|', '|T35-A003|Already served at another counter|Counter 2|Counter 3|09:20|']);
    expect(conflictRows(render({ ...healthy, conflicts }, 'ru'))[0]![2]).toBe('|A001|Вызван в двух окнах|Окно 2|Окно 1|09:06|');
    // Read on the hall's clock as the terminal reports its zone: the same instant in a hall in Moscow is 04:06.
    expect(conflictRows(render({ ...healthy, conflicts, timeZone: 'Europe/Moscow' }))[0]![2]).toContain('|04:06|');
  });

  it('says plainly when there was no conflict today', () => {
    const html = render(healthy);
    expect(textOf(html, 'status-conflict-count', '</span>')).toBe('(0)');
    expect(textOf(html, 'status-conflicts-none', '</p>')).toBe('今日没有叫号冲突。');
    expect(html).not.toContain('data-testid="status-conflicts"');
  });

  it('reads in Russian with Russian plurals', () => {
    const html = render({ ...healthy, backlog: 3 }, 'ru');
    expect(textOf(html, 'status-backlog', '</p>')).toBe('3 записи ожидают отправки');
    expect(textOf(html, 'status-last-sync', '</p>')).toMatch(/^3 минуты назад/);
  });
});

import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../core/contract/common.js';
import { COMPLAINT_STATES, OPINION_KINDS } from '../../core/contract/opinions.js';
import { BAD_REASONS, RATING_LEVELS } from '../../core/contract/ratings.js';
import { STAFF_ROLES } from '../../core/contract/server-admin.js';
import { CASE_OUTCOMES, CASE_STATES, SATISFACTION_GROUPS, type StaffIdentity } from '../../core/contract/supervision-api.js';
import { createI18n } from '../i18n/i18n.js';
import en from '../locales/en.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import zhCN from '../locales/zh-CN.json' with { type: 'json' };
import { SECTIONS } from './access.js';
import { CaseDetailBody, CaseTable } from './CasesPanel.js';
import { createSupervisionClient } from './client.js';
import { ComplaintDetailBody, ComplaintTable } from './ComplaintsPanel.js';
import { SupervisionProvider } from './context.js';
import { LoginScreen } from './LoginScreen.js';
import { ProhibitionTable } from './ProhibitionsPanel.js';
import { QueueDayView } from './QueuePanel.js';
import { LiveRatings, SatisfactionTable, TodayCards } from './SatisfactionPanel.js';
import { NamesFixture } from './names.js';
import { FailedEventsNotice, Shell } from './Shell.js';
import { caseDetail, caseSummary, complaint, complaintDetail, queueDay, rating, row, staffOf } from './test-fixtures.js';

const noop = () => undefined;

function render(node: ReactNode, staff: StaffIdentity | null = staffOf('supervisor'), lang: Lang = 'zh-CN'): string {
  const client = createSupervisionClient({ fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch });
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <SupervisionProvider client={client} staff={staff} timeZone="Asia/Shanghai">
        {node}
      </SupervisionProvider>
    </I18nextProvider>,
  );
}

/** Plain text inside the first element carrying the test id (tags stripped, spaces collapsed). */
function text(html: string, testid: string): string {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start, testid).toBeGreaterThan(-1);
  const tag = html.lastIndexOf('<', start);
  const name = /^<(\w+)/.exec(html.slice(tag))![1]!;
  const from = html.indexOf('>', start) + 1;
  // Same-name elements nested inside are counted, so the whole element is taken.
  let depth = 1;
  let i = from;
  const re = new RegExp(`<(/?)${name}[\\s>]`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      i = m.index;
      break;
    }
  }
  return html.slice(from, i).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

const count = (html: string, testid: string) => html.split(`data-testid="${testid}"`).length - 1;

describe('satisfaction', () => {
  it('shows today with the rate, and counts that add up, not-rated apart', () => {
    const html = render(<TodayCards total={row()} />);
    expect(text(html, 'sv-today-rate')).toBe('92.3%');
    expect([text(html, 'sv-today-services'), text(html, 'sv-today-rated'), text(html, 'sv-today-good'), text(html, 'sv-today-bad'), text(html, 'sv-today-not-rated')]).toEqual([
      '30',
      '26',
      '24',
      '1',
      '4',
    ]);
    expect(html).toContain('未评价的服务单独列出，不计为好评');
  });

  it('puts the count beside every share, by counter, with a total', () => {
    const summary = {
      from: '2026-11-20',
      to: '2026-11-26',
      by: 'counter' as const,
      rows: [row({ key: '3', label: '3' }), row({ key: '5', label: '5', services: 4, rated: 0, good: 0, goodRate: null, bad: 0, notRated: 4 })],
      total: row({ key: 'total', label: '', services: 34, rated: 26, good: 24, goodRate: 24 / 26, bad: 1, notRated: 8 }),
    };
    const html = render(<SatisfactionTable summary={summary} />);
    expect(count(html, 'sv-sat-row')).toBe(2);
    expect(html).toContain('3号窗口');
    expect(html).toContain('5号窗口');
    const rates = [...html.matchAll(/data-testid="sv-sat-rate">(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    // Nothing rated at counter 5: no share is made up, the 0/0 says why.
    expect(rates).toEqual(['92.3% 24/26', '— 0/0', '92.3% 24/26']);
    expect(text(html, 'sv-sat-total')).toContain('合计 34 26 24');
    expect(text(html, 'sv-sat-total')).toContain('8 23.5%');
  });

  it('says so when a range has no services', () => {
    const html = render(<SatisfactionTable summary={{ from: '2026-11-26', to: '2026-11-26', by: 'day', rows: [], total: row({ services: 0, rated: 0, good: 0, goodRate: null, bad: 0, notRated: 0 }) }} />);
    expect(text(html, 'sv-sat-empty')).toBe('这段时间没有办结的服务。');
  });

  it('lists ratings as they arrive, bad ones with reasons and a link to their case', () => {
    const fresh = rating({ id: '01JX0000000000000000000009', level: null, reasons: [], comment: null, caseId: null });
    const html = render(<LiveRatings ratings={[fresh, rating(), rating({ id: '01JX0000000000000000000003', level: 5, reasons: [], comment: null, caseId: null, duplicate: true })]} arrived={new Set([fresh.id])} />);
    expect(html).toMatch(/data-testid="sv-rating" data-id="01JX0000000000000000000009" data-level="none" data-new="true"/);
    expect(html).toContain('未评价');
    expect(html).toContain('服务态度差、让群众多次跑');
    expect(html).toContain('href="/supervisor/cases/01JX00000000000000000000C1"');
    expect(html).toContain('重复评价，不计入统计');
    // No rater identity exists, so none is shown.
    expect(html).not.toMatch(/13\d{9}/);
  });
});

describe('follow-up cases', () => {
  it('marks an overdue case in words, not colour alone', () => {
    const html = render(<CaseTable cases={[caseSummary(), caseSummary({ id: '01JX00000000000000000000C2', overdue: false, deadline: '2099-01-01', state: 'visited' })]} selected={null} />);
    expect(html).toMatch(/data-testid="sv-case-row" data-id="01JX00000000000000000000C1" data-state="open" data-overdue="true"/);
    expect(count(html, 'sv-flag-overdue')).toBe(1);
    expect(text(html, 'sv-case-deadline')).toMatch(/^2026-11-20 已逾期 \d+ 天$/);
    expect(html).toContain('3号窗口 · 王芳（0101）');
  });

  it('counts days late on the hall’s calendar: one more at 00:01 in Harbin, not at the browser’s midnight', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-26T15:59:00Z'));
      expect(text(render(<CaseTable cases={[caseSummary()]} selected={null} />), 'sv-case-deadline')).toBe('2026-11-20 已逾期 6 天');
      vi.setSystemTime(new Date('2026-11-26T16:01:00Z'));
      expect(text(render(<CaseTable cases={[caseSummary()]} selected={null} />), 'sv-case-deadline')).toBe('2026-11-20 已逾期 7 天');
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the office the full phone and the next step; a supervisor sees no contact and no form', () => {
    const office = render(<CaseDetailBody detail={caseDetail()} canAct fullPhone onDone={noop} />, staffOf('office'));
    expect(text(office, 'sv-case-phone')).toBe('13812345678');
    expect(office).toMatch(/data-testid="sv-case-action-form" data-action="return-visit"/);

    // The server gives a supervisor no contact at all: who rated stays with the office.
    const supervisor = render(<CaseDetailBody detail={caseDetail({ contact: null })} canAct={false} fullPhone={false} onDone={noop} />);
    expect(text(supervisor, 'sv-case-contact')).toBe('仅办公室可见（由办公室回访）');
    expect(supervisor).not.toContain('黑龙江某某贸易有限公司');
    expect(supervisor).not.toContain('sv-case-action-form');
  });

  it('asks for the promised date only for a fix by deadline, and shows a closed case as done', () => {
    const html = render(<CaseDetailBody detail={caseDetail({ state: 'visited' })} canAct fullPhone onDone={noop} />, staffOf('office'));
    expect(html).toMatch(/data-action="outcome"/);
    expect(html).toContain('data-testid="sv-case-outcome"');
    expect(html).not.toContain('sv-case-fixby');
    const closed = render(<CaseDetailBody detail={caseDetail({ state: 'closed', outcome: 'fixed', overdue: false })} canAct fullPhone onDone={noop} />, staffOf('office'));
    expect(closed).not.toContain('sv-case-action-form');
    expect(text(closed, 'sv-case-done')).toBe('此差评已办结。');
  });
});

describe('complaints', () => {
  it('shows state, department, deadline flags and a masked phone outside the office', () => {
    const html = render(<ComplaintTable complaints={[complaint()]} selected={null} />, staffOf('supervisor'));
    expect(html).toMatch(/data-testid="sv-complaint-row" data-id="01JX00000000000000000000Q1" data-code="K7MX-4PQR" data-state="assigned" data-overdue="true" data-escalated="true"/);
    expect(text(html, 'sv-complaint-state')).toBe('已交办');
    expect(text(html, 'sv-complaint-department')).toBe('市场秩序处');
    expect(text(html, 'sv-complaint-phone')).toBe('139****0001');
    expect(text(html, 'sv-flag-escalated')).toBe('已移交纪检');
    expect(html).toContain('第4条');
  });

  it('shows the office the full phone', () => {
    const html = render(<ComplaintTable complaints={[complaint({ phone: '13900000001' })]} selected={null} />, staffOf('office'));
    expect(text(html, 'sv-complaint-phone')).toBe('13900000001');
  });

  it('offers each role only its own steps', () => {
    const steps = (staff: StaffIdentity, over = {}) =>
      [...render(<ComplaintDetailBody detail={complaintDetail(over)} onDone={noop} />, staff).matchAll(/data-testid="sv-complaint-action" data-action="([a-z-]+)"/g)].map((m) => m[1]);
    expect(steps(staffOf('department', '市场秩序处'))).toEqual(['respond']);
    expect(steps(staffOf('department', '外资处'))).toEqual([]);
    expect(steps(staffOf('office'))).toEqual(['assign']);
    expect(steps(staffOf('office'), { state: 'responded', response: '已约谈' })).toEqual(['feedback']);
    expect(steps(staffOf('inspector'), { escalated: false })).toEqual(['escalate']);
    expect(steps(staffOf('supervisor'))).toEqual([]);
    const html = render(<ComplaintDetailBody detail={complaintDetail()} onDone={noop} />, staffOf('department', '市场秩序处'));
    expect(text(html, 'sv-complaint-text')).toContain('来回跑了三次');
    expect(count(html, 'sv-complaint-step')).toBe(2);
    expect(text(html, 'sv-complaint-phone-detail')).toBe('139****0001');
  });
});

describe('prohibitions, sign-in and roles', () => {
  it('lists the eleven items with counts and a total', () => {
    const counts = Array.from({ length: 11 }, (_, i) => ({ item: 11 - i, count: i === 0 ? 2 : i === 7 ? 3 : 0 }));
    const html = render(<ProhibitionTable data={{ from: '2026-10-01', to: '2026-11-26', counts }} />);
    const items = [...html.matchAll(/data-testid="sv-prohibition-row" data-item="(\d+)"/g)].map((m) => Number(m[1]));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(text(html, 'sv-prohibitions-total')).toBe('5');
    expect(html).toContain('第11条');
  });

  it('asks for login and password, in the chosen language', () => {
    const html = render(<LoginScreen expired onSignedIn={noop} />, null, 'en');
    expect(html).toContain('data-testid="sv-login-user"');
    expect(html).toContain('data-testid="sv-login-password"');
    expect(text(html, 'sv-login-expired')).toBe('Your session has ended. Please sign in again.');
  });

  it('tells a clerk account there is nothing here for it, and gives a department its complaints only', () => {
    const clerk = render(<Shell staff={staffOf('clerk')} onSignedOut={noop} />, staffOf('clerk'));
    expect(text(clerk, 'sv-no-sections')).toContain('窗口工作人员');
    expect(clerk).not.toContain('sv-nav-');
    const dept = render(<Shell staff={staffOf('department', '市场秩序处')} onSignedOut={noop} />, staffOf('department', '市场秩序处'));
    expect([...dept.matchAll(/data-testid="sv-nav-(\w+)"/g)].map((m) => m[1])).toEqual(['complaints']);
    expect(dept).toContain('data-section="complaints"');
  });
});

describe('uploaded events the server could not apply', () => {
  it('says how many, in every language, and nothing while there are none', () => {
    expect(text(render(<FailedEventsNotice count={3} />), 'sv-failed-events')).toMatch(/^有 3 条终端上传的记录未能处理/);
    expect(text(render(<FailedEventsNotice count={1} />, staffOf('office'), 'en'), 'sv-failed-events')).toMatch(/^1 uploaded event could not be applied/);
    expect(text(render(<FailedEventsNotice count={2} />, staffOf('inspector'), 'en'), 'sv-failed-events')).toMatch(/^2 uploaded events could not be applied/);
    expect(text(render(<FailedEventsNotice count={5} />, staffOf('office'), 'ru'), 'sv-failed-events')).toMatch(/^5 загруженных событий не удалось обработать/);
    expect(render(<FailedEventsNotice count={0} />)).toBe('');
    expect(render(<FailedEventsNotice count={null} />, staffOf('department', '市场秩序处'))).toBe('');
  });
});

describe('the queue day', () => {
  const rows = (html: string, testid: string) =>
    [...html.matchAll(new RegExp(`data-testid="${testid}"[^>]*>(.*?)</tr>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));

  it("counts the tickets not served and the conflicts, and lists each conflict in words with both counters and the hall's time", () => {
    const html = render(<QueueDayView day={queueDay()} />);
    expect(text(html, 'sv-queue-not-served')).toBe('4');
    expect(text(html, 'sv-queue-conflict-count')).toBe('2');
    expect(rows(html, 'sv-queue-conflict')).toEqual(['|A001|两个窗口都叫了这个号|2号窗口|1号窗口|09:06|', '|T35-A003|已在另一窗口办结|2号窗口|3号窗口|14:20|']);
    expect(html).toContain('按大厅时间先叫的窗口保留该号');
    // One hall: no hall heading to read past.
    expect(html).not.toContain('大厅 main');
    expect(rows(render(<QueueDayView day={queueDay()} />, staffOf('office'), 'en'), 'sv-queue-conflict')[0]).toBe('|A001|Called at two counters|Counter 2|Counter 1|09:06|');
    expect(rows(render(<QueueDayView day={queueDay()} />, staffOf('office'), 'ru'), 'sv-queue-conflict')[1]).toBe('|T35-A003|Уже обслужен в другом окне|Окно 2|Окно 3|14:20|');
  });

  it('says who took which counter over and which supervisor allowed it, when', () => {
    const html = render(<QueueDayView day={queueDay()} />);
    expect(rows(html, 'sv-queue-override')).toEqual(['|3号窗口|王芳|钱静|10:30|']);
    expect(html).toContain('只列出目前仍然有效的接管');
  });

  it('says plainly when a hall had a quiet day, and names the halls when there are several', () => {
    const quiet = { hall: 'east', notServed: 0, conflicts: [], overrides: [], unconfirmed: [] };
    const html = render(<QueueDayView day={{ ...queueDay(), halls: [...queueDay().halls, quiet] }} />, staffOf('inspector'), 'en');
    expect(html).toContain('Hall main');
    const east = html.slice(html.indexOf('data-hall="east"'));
    expect(text(east, 'sv-queue-not-served')).toBe('0');
    expect(text(east, 'sv-queue-conflicts-none')).toBe('No queue conflicts that day.');
    expect(text(east, 'sv-queue-overrides-none')).toBe('No counter was taken over that day.');
    expect(text(east, 'sv-queue-unconfirmed-none')).toBe('No offline actions that day.');
  });

  it('marks each action taken offline as such, in every language, with the clerk the counter reported', () => {
    const marks = { 'zh-CN': '离线，工作人员未确认', en: 'Offline, unconfirmed clerk', ru: 'Без связи, оператор не подтверждён' } as const;
    for (const lang of ['zh-CN', 'en', 'ru'] as const) {
      const html = render(<QueueDayView day={queueDay()} />, staffOf('supervisor'), lang);
      expect(text(html, 'sv-offline-mark')).toBe(marks[lang]);
    }
    expect(rows(render(<QueueDayView day={queueDay()} />, staffOf('supervisor'), 'en'), 'sv-queue-unconfirmed-action')).toEqual(['|14:12|Counter 3|Call|T35-A003|0102 (li.na) |Offline, unconfirmed clerk|14:35|']);
  });
});

describe('words for every value the server may send', () => {
  const keys = [
    ...RATING_LEVELS.map((l) => `levels.${l}`),
    ...BAD_REASONS.map((r) => `reasons.${r}`),
    ...CASE_STATES.map((s) => `caseState.${s}`),
    ...CASE_OUTCOMES.map((o) => `outcome.${o}`),
    ...COMPLAINT_STATES.map((s) => `complaintState.${s}`),
    ...OPINION_KINDS.map((k) => `kind.${k}`),
    ...STAFF_ROLES.map((r) => `roles.${r}`),
    ...SATISFACTION_GROUPS.map((g) => `group.${g}`),
    ...SECTIONS.map((s) => `nav.${s}`),
    ...['opened', 'filed', 'assign', 'respond', 'return-visit', 'outcome', 'feedback', 'close', 'escalate', 'overdue'].map((s) => `steps.${s}`),
    ...['return-visit', 'outcome', 'feedback', 'close'].flatMap((a) => [`caseActions.${a}`, `caseActions.${a}Hint`]),
    ...['assign', 'respond', 'feedback', 'close', 'escalate'].flatMap((a) => [`complaintActions.${a}`, `complaintActions.${a}Hint`]),
    ...['connecting', 'live', 'stale'].map((s) => `live.${s}`),
    ...['today', 'week', 'month', 'quarter'].map((p) => `range.${p}`),
    'channel.counter',
    'channel.kiosk',
  ];
  for (const [lang, data] of Object.entries({ 'zh-CN': zhCN, en, ru })) {
    it(lang, () => {
      const section = (data as unknown as { supervisor: Record<string, Record<string, string> | undefined> }).supervisor;
      const missing = keys.filter((k) => {
        const [group, key] = k.split('.') as [string, string];
        return typeof section[group]?.[key] !== 'string';
      });
      expect(missing).toEqual([]);
    });
  }
});

describe('matters and prohibitions in the page’s language', () => {
  const names = {
    lines: [{ hall: 'main', code: 'A', name: { 'zh-CN': '对外贸易', en: 'Foreign trade', ru: 'Внешняя торговля' } }],
    procedures: [{ code: 'TT-02', name: { 'zh-CN': '技术进出口合同登记', en: 'Registration of technology contracts', ru: 'Регистрация договоров на технологии' } }],
    prohibitions: [
      { no: 1, text: { 'zh-CN': '一不准强迫市场主体和群众进入业务处室', en: 'First, no forcing businesses or citizens into the divisions', ru: 'Первое: не принуждать заходить в отделы' } },
      { no: 2, text: { 'zh-CN': '二不准对企业群众态度冷漠言语粗鲁', en: 'Second, no cold attitude or rude words' } },
    ],
  };
  const withNames = (node: ReactNode, lang: Lang) => render(<NamesFixture names={names}>{node}</NamesFixture>, staffOf('supervisor'), lang);

  it('shows a recorded Chinese matter by its English or Russian name where the server has one', () => {
    const en = withNames(<LiveRatings ratings={[rating()]} arrived={new Set()} />, 'en');
    expect(en).toContain('Registration of technology contracts');
    expect(en).not.toContain('技术进出口合同登记');
    expect(withNames(<CaseTable cases={[caseSummary()]} selected={null} />, 'ru')).toContain('Регистрация договоров на технологии');
    const byMatter = withNames(<SatisfactionTable summary={{ from: '2026-11-26', to: '2026-11-26', by: 'matter', rows: [row({ key: '对外贸易', label: '对外贸易' })], total: row() }} />, 'en');
    expect(text(byMatter, 'sv-sat-row')).toMatch(/^Foreign trade /);
    // Chinese stays Chinese; a matter the server does not know is shown as recorded.
    expect(withNames(<CaseTable cases={[caseSummary()]} selected={null} />, 'zh-CN')).toContain('技术进出口合同登记');
    expect(withNames(<CaseTable cases={[caseSummary({ matter: '其他事项' })]} selected={null} />, 'en')).toContain('其他事项');
  });

  it('shows each prohibition’s words beside its number, falling back to Chinese where there is no translation', () => {
    const counts = Array.from({ length: 11 }, (_, i) => ({ item: i + 1, count: 0 }));
    const en = withNames(<ProhibitionTable data={{ from: '2026-10-01', to: '2026-11-26', counts }} />, 'en');
    const words = [...en.matchAll(/data-testid="sv-prohibition-text">([^<]+)</g)].map((m) => m[1]);
    expect(words).toEqual(['First, no forcing businesses or citizens into the divisions', 'Second, no cold attitude or rude words']);
    const ru = withNames(<ProhibitionTable data={{ from: '2026-10-01', to: '2026-11-26', counts }} />, 'ru');
    expect([...ru.matchAll(/data-testid="sv-prohibition-text">([^<]+)</g)].map((m) => m[1])).toEqual(['Первое: не принуждать заходить в отделы', '二不准对企业群众态度冷漠言语粗鲁']);
    const detail = withNames(<ComplaintDetailBody detail={complaintDetail({ prohibition: 2 })} onDone={noop} />, 'en');
    expect(text(detail, 'sv-complaint-prohibition')).toBe('· Item 2: Second, no cold attitude or rude words');
  });
});

import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/contract/common.js';
import { PrintFailure, PrintJob, PrintJobState } from '../../core/contract/print.js';
import { AppointmentState, QUEUE_ACTIONS, PRESENCE_STATES, type Appointment } from '../../core/contract/queue.js';
import { createClient } from '../api/client.js';
import { ClientProvider } from '../api/context.js';
import { HallZoneProvider } from '../shared/hallZone.js';
import { createI18n } from '../i18n/i18n.js';
import en from '../locales/en.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import zhCN from '../locales/zh-CN.json' with { type: 'json' };
import { APPOINTMENT_FIELDS, emptyDraft, FIELD_ERRORS } from './appointmentForm.js';
import { AppointmentForm, AppointmentList, BookedCode } from './AppointmentsPanel.js';
import type { CancelControls } from './CancelAppointment.js';
import { CurrentPanel, type CurrentPanelProps } from './CurrentPanel.js';
import { LinesPanel } from './LinesPanel.js';
import { LoginScreen } from './LoginScreen.js';
import { PrintJobsPanel } from './PrintJobsPanel.js';
import { counterQueue, ticket } from './test-fixtures.js';
import { OfflineBanner } from './Workbench.js';

const noop = () => undefined;

function render(node: ReactNode, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ClientProvider client={createClient({ fetch: (() => Promise.reject(new Error('no network in this test'))) as typeof fetch })}>
        <HallZoneProvider zone="Asia/Shanghai">{node}</HallZoneProvider>
      </ClientProvider>
    </I18nextProvider>,
  );
}

/** Plain text of the first element carrying the test id (tags stripped, spaces collapsed). */
function text(html: string, testid: string, close = '</'): string {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start, testid).toBeGreaterThan(-1);
  const from = html.indexOf('>', start) + 1;
  return html.slice(from, html.indexOf(close, from)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

function current(over: Partial<CurrentPanelProps> = {}, lang: Lang = 'zh-CN'): string {
  const props: CurrentPanelProps = {
    queue: counterQueue(),
    busy: null,
    transferOpen: false,
    onCommand: noop,
    onTransfer: noop,
    onCloseTransfer: noop,
    onCallNumber: noop,
    onCallParked: noop,
    ...over,
  };
  return render(<CurrentPanel {...props} />, lang);
}

describe('lines panel', () => {
  const html = render(<LinesPanel queue={counterQueue()} now={Date.parse('2026-11-26T09:25:00+08:00')} />);

  it('shows each line with the clerk’s AB role and how many wait', () => {
    expect(html).toMatch(/data-testid="line" data-line="A" data-role="A" data-active="true"/);
    expect(html).toMatch(/data-testid="line" data-line="B" data-role="B" data-active="false"/);
    expect(html).toContain('A角');
    expect(html).toContain('B角');
    expect(html).toContain('等候 2 人');
    expect(html).toContain('A角在岗，您为B角备岗');
  });

  it('lists waiting tickets with the appointment’s enterprise and the minutes waited', () => {
    const rows = html.split('data-testid="waiting-ticket"').slice(1);
    expect(rows[0]).toMatch(/A013[\s\S]*哈尔滨龙江进出口有限公司[\s\S]*已等 25 分钟/);
    expect(rows[1]).toMatch(/A014[\s\S]*现场取号[\s\S]*已等 5 分钟/);
  });

  it('tells an away A clerk that B serves the line', () => {
    const away = render(<LinesPanel queue={counterQueue({ presence: 'away' })} now={0} />);
    expect(text(away, 'line-note')).toBe('您已暂离，本业务由B角窗口接办。');
  });

  it('says when an A clerk is away and B serves the line', () => {
    const q = counterQueue();
    const b = render(<LinesPanel queue={{ ...q, lines: [{ ...q.lines[1]!, active: true }] }} now={0} />);
    expect(text(b, 'line-note')).toBe('A角暂离，本业务由您接办。');
  });

  it('shows who is in or away at the other counters', () => {
    expect(html).toMatch(/data-counter="4" data-state="away"[\s\S]*?李娜[\s\S]*?暂离/);
  });

  it('names the lines in the clerk’s language, in Chinese where a line has no translation', () => {
    const names = (lang: Lang) => [...render(<LinesPanel queue={counterQueue()} now={0} />, lang).matchAll(/data-testid="line-name">([^<]*)</g)].map((m) => m[1]);
    expect(names('zh-CN')).toEqual(['对外贸易', '对外投资与经济合作']);
    expect(names('en')).toEqual(['Foreign trade', 'Outward investment']);
    expect(names('ru')).toEqual(['Внешняя торговля', '对外投资与经济合作']);
  });
});

describe('current ticket panel', () => {
  it('with nobody being served: the hint names the key, and only calling is enabled', () => {
    const html = current();
    expect(text(html, 'current-empty')).toBe('当前没有正在办理的号。按 F2 叫下一位。');
    expect(html).toMatch(/<button[^>]*data-testid="action-call-next"(?![^>]*disabled)[^>]*>/);
    expect(html).toMatch(/<button[^>]*data-testid="action-finish"[^>]*disabled/);
  });

  it('shows when the ticket was called on the hall’s clock, across its midnight', () => {
    const at = (calledAt: string) => text(current({ queue: counterQueue({ current: ticket('A012', { state: 'called', callCount: 1, calledAt }) }) }), 'current-called-at');
    expect(at('2026-12-01T15:59:00.000Z')).toBe('23:59');
    expect(at('2026-12-01T16:01:00.000Z')).toBe('00:01');
  });

  it('shows the called number large with its enterprise and calls, and each button’s key', () => {
    const html = current({ queue: counterQueue({ current: ticket('A012', { state: 'called', callCount: 2, enterprise: '龙江拍卖行', calledAt: '2026-11-26T09:30:00+08:00' }) }) });
    expect(text(html, 'current-number')).toBe('A012');
    expect(text(html, 'current-enterprise')).toBe('龙江拍卖行');
    expect(text(html, 'current-call-count')).toBe('已呼叫 2 次');
    expect(text(html, 'current-called-at')).toBe('09:30');
    expect(text(html, 'action-recall', '</button')).toBe('重呼 F3');
    expect(text(html, 'action-transfer', '</button')).toBe('转移 F4');
    expect(text(html, 'action-no-show', '</button')).toBe('过号 F6');
    expect(text(html, 'action-park', '</button')).toBe('暂挂 F7');
    expect(text(html, 'action-finish', '</button')).toBe('办结 F8');
    expect(html).not.toMatch(/data-testid="action-finish"[^>]*disabled/);
  });

  it('while an action runs, its button says so and every action waits', () => {
    const html = current({ busy: 'finish', queue: counterQueue({ current: ticket('A012', { state: 'called' }) }) });
    expect(text(html, 'action-finish', '</button')).toBe('处理中… F8');
    expect(html).toMatch(/data-testid="action-finish"[^>]*aria-busy="true"/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="action-call-next"|<button[^>]*data-testid="action-call-next"[^>]*disabled/);
  });

  it('the transfer chooser offers the other lines by letter', () => {
    const html = current({ transferOpen: true, queue: counterQueue({ current: ticket('A012', { state: 'called' }) }) });
    expect(text(html, 'transfer-chooser', '</h3')).toBe('把 A012 转到哪个业务？');
    const targets = [...html.matchAll(/data-testid="transfer-target" data-line="([A-Z])"/g)].map((m) => m[1]);
    expect(targets).toEqual(['B', 'C']);
  });

  it('names the current ticket’s line and the transfer targets in the clerk’s language', () => {
    const html = current({ transferOpen: true, queue: counterQueue({ current: ticket('A012', { state: 'called' }) }) }, 'en');
    expect(text(html, 'current-line')).toBe('A · Foreign trade');
    const targets = [...html.matchAll(/data-testid="transfer-target"[^>]*>([\s\S]*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    expect(targets).toEqual(['B Outward investment', 'C Distribution']);
    expect(html).not.toMatch(/对外|市场流通/);
  });

  it('lists parked tickets with a call-back button each', () => {
    const html = current({ queue: counterQueue({ parked: [ticket('A009', { state: 'parked' }), ticket('T3-B004', { state: 'parked', offline: true })] }) });
    expect([...html.matchAll(/data-testid="parked-ticket" data-number="([^"]+)"/g)].map((m) => m[1])).toEqual(['A009', 'T3-B004']);
    expect(html.match(/data-testid="parked-call"/g)).toHaveLength(2);
    expect(html).toContain('暂挂的号（2）');
  });

  it('an away clerk cannot call next or by number', () => {
    const html = current({ queue: counterQueue({ presence: 'away' }) });
    expect(html).toMatch(/<button[^>]*data-testid="action-call-next"[^>]*disabled/);
    expect(html).toMatch(/<button[^>]*data-testid="call-number-submit"[^>]*disabled/);
  });
});

describe('offline banner', () => {
  it('says the calls are kept here and uploaded later, in every language', () => {
    expect(text(render(<OfflineBanner />), 'offline-banner')).toBe('中心服务器连接中断：叫号记录在本机，恢复后自动上传');
    expect(text(render(<OfflineBanner />, 'en'), 'offline-banner')).toMatch(/uploaded automatically/);
    expect(text(render(<OfflineBanner />, 'ru'), 'offline-banner')).toMatch(/центральным сервером/);
  });
});

describe('phone appointments', () => {
  const services = counterQueue().services;
  const appointment: Appointment = {
    id: '01JH0000000000000000000APP',
    code: '048213',
    hall: 'hlj-main',
    enterprise: '哈尔滨龙江进出口有限公司',
    phoneMasked: '138****1234',
    phoneLast4: '1234',
    matter: '技术进出口合同登记',
    procedureCode: null,
    service: 'A',
    date: '2026-11-27',
    from: '09:00',
    to: '09:30',
    state: 'booked',
    ticketId: null,
    createdAt: '2026-11-26T09:00:00+08:00',
  };

  it('shows a field’s error next to that field and marks it invalid', () => {
    const html = render(
      <AppointmentForm draft={emptyDraft('2026-11-26')} errors={{ contactPhone: 'phone', date: 'past' }} services={services} today="2026-11-26" busy={false} error={undefined} onChange={noop} onSubmit={noop} />,
    );
    expect(text(html, 'appt-error-contactPhone')).toBe('请填写 11 位手机号或带区号的固定电话。');
    expect(text(html, 'appt-error-date')).toBe('日期不能早于今天。');
    expect(html).toMatch(/data-testid="appt-contactPhone"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*data-testid="appt-contactPhone"/);
    expect(html).not.toContain('appt-error-enterprise');
    expect(html).toContain('16:30–17:00');
  });

  it('offers the lines in the clerk’s language', () => {
    const html = render(<AppointmentForm draft={emptyDraft('2026-11-26')} errors={{}} services={services} today="2026-11-26" busy={false} error={undefined} onChange={noop} onSubmit={noop} />, 'ru');
    const options = [...html.matchAll(/<option value="([A-Z])">([^<]*)</g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(options).toEqual(['A: A · Внешняя торговля', 'B: B · 对外投资与经济合作', 'C: C · Товарное обращение']);
  });

  it('shows "central server unreachable" plainly when booking needs it', async () => {
    const { ApiError } = await import('../api/client.js');
    const err = new ApiError('SERVER_UNREACHABLE', '暂时连不上中心服务器，请稍后再试。', 503);
    const html = render(<AppointmentForm draft={emptyDraft('2026-11-26')} errors={{}} services={services} today="2026-11-26" busy={false} error={err} onChange={noop} onSubmit={noop} />);
    expect(text(html, 'appointment-error')).toBe('暂时连不上中心服务器，请稍后再试。');
  });

  it('shows the six-digit code to read out on the phone', () => {
    const html = render(<BookedCode appointment={appointment} onDone={noop} />);
    expect(html).toContain('data-code="048213"');
    expect(text(html, 'appointment-code')).toBe('048 213');
    expect(html).toContain('已为 哈尔滨龙江进出口有限公司 预约 2026-11-27 09:00–09:30');
  });

  it('lists today’s appointments with masked phones only', () => {
    const html = render(<AppointmentList appointments={[appointment, { ...appointment, id: '01JH0000000000000000000APQ', code: '551200', state: 'checked-in' }]} error={undefined} />);
    expect(html.match(/data-testid="appointment-row"/g)).toHaveLength(2);
    expect(text(html, 'appointment-phone')).toBe('138****1234');
    expect(html).not.toContain('13804511234');
    expect(html).toContain('已签到');
  });

  const controls = (step: CancelControls['step']): CancelControls => ({ step, ask: noop, setReason: noop, confirm: noop, keep: noop });

  it('offers "cancel" on booked appointments only, and asks before cancelling', () => {
    const list = [appointment, { ...appointment, id: '01JH0000000000000000000APQ', code: '551200', state: 'checked-in' as const }];
    const asking = render(<AppointmentList appointments={list} error={undefined} cancel={controls(null)} />);
    expect(asking.match(/data-testid="appointment-cancel"/g)).toHaveLength(1);
    expect(asking).not.toContain('appointment-cancel-step');

    const confirming = render(
      <AppointmentList appointments={list} error={undefined} cancel={controls({ id: appointment.id, requestId: '01JH0000000000000000000REQ', reason: '', busy: false, error: undefined })} />,
      'en',
    );
    expect(confirming).not.toContain('data-testid="appointment-cancel"');
    expect(text(confirming, 'appointment-cancel-confirm')).toBe('Yes, cancel it');
    expect(text(confirming, 'appointment-cancel-keep')).toBe('Keep it');
    expect(confirming).toContain('Cancel the appointment of 哈尔滨龙江进出口有限公司, 09:00–09:30?');
  });

  it('says plainly when the central server cannot be reached for a cancellation', async () => {
    const { ApiError } = await import('../api/client.js');
    const err = new ApiError('SERVER_UNREACHABLE', 'Центральный сервер сейчас недоступен. Повторите попытку позже.', 503);
    const html = render(<AppointmentList appointments={[appointment]} error={undefined} cancel={controls({ id: appointment.id, requestId: '01JH0000000000000000000REQ', reason: '', busy: false, error: err })} />, 'ru');
    expect(text(html, 'appointment-cancel-error')).toBe('Центральный сервер сейчас недоступен. Повторите попытку позже.');
    expect(text(html, 'appointment-cancel-confirm')).toBe('Да, отменить');
  });

  it('keeps cancelled appointments listed, struck through with the reason, and counts them apart', () => {
    const gone: Appointment = { ...appointment, id: '01JH0000000000000000000APR', state: 'cancelled', cancelled: { at: '2026-11-27T08:00:00+08:00', by: 'wang.fang', reason: '企业来电取消' } };
    const html = render(<AppointmentList appointments={[appointment, gone]} error={undefined} cancel={controls(null)} />);
    expect(html).toMatch(/data-state="cancelled" class="cancelled"/);
    expect(html).toContain('今天的预约（1）');
    expect(text(html, 'appointment-cancelled-count')).toBe('已取消 1 个');
    expect(html).toContain('企业来电取消');
    expect(html.match(/data-testid="appointment-cancel"/g)).toHaveLength(1);
  });
});

describe('print jobs', () => {
  it('shows each job’s state and failure, with a reprint button', () => {
    const html = render(
      <PrintJobsPanel
        jobs={[
          { id: 'j1', kind: 'ticket', state: 'done', attempts: 1, failure: null, createdAt: '2026-11-26T01:00:00Z', updatedAt: '2026-11-26T01:00:01Z' },
          { id: 'j2', kind: 'checkin', state: 'failed', attempts: 5, failure: 'paper-out', createdAt: '2026-11-26T01:02:00Z', updatedAt: '2026-11-26T01:03:00Z' },
        ]}
        loadError={undefined}
        busy="j2"
        actionError={undefined}
        onReprint={noop}
      />,
    );
    const states = [...html.matchAll(/data-testid="print-job" data-state="(\w+)"/g)].map((m) => m[1]);
    expect(states).toEqual(['done', 'failed']);
    expect(html).toContain('打印失败 · 缺纸');
    expect(html).toContain('已尝试 5 次');
    expect(html.match(/data-testid="print-reprint"/g)).toHaveLength(2);
    expect(html).toContain('处理中…');
  });
});

describe('sign-in', () => {
  it('asks for login, password and counter number, and says a lost session ended', () => {
    const html = render(<LoginScreen expired onSignedIn={noop} />);
    for (const id of ['login-user', 'login-password', 'login-counter', 'login-submit']) expect(html).toContain(`data-testid="${id}"`);
    expect(text(html, 'login-expired')).toBe('登录已失效，请重新登录。');
    expect(html).toMatch(/data-testid="login-password"[^>]*type="password"|type="password"[^>]*data-testid="login-password"/);
  });

  it('reads in Russian', () => {
    expect(render(<LoginScreen expired={false} onSignedIn={noop} />, 'ru')).toContain('Номер окна');
  });
});

describe('messages looked up by a computed key exist in every language', () => {
  const keys = [
    ...QUEUE_ACTIONS.filter((a) => a !== 'call').map((a) => `counter.action.${a}`),
    ...['aActive', 'aAway', 'bActive', 'bStandby'].map((k) => `counter.lines.note.${k}`),
    ...PRESENCE_STATES.map((s) => `counter.presence.state.${s}`),
    ...['called', 'recalled', 'transferred', 'noShow', 'parked', 'finished', 'nobody'].map((k) => `counter.notice.${k}`),
    ...APPOINTMENT_FIELDS.map((f) => `counter.appointment.field.${f}`),
    ...FIELD_ERRORS.map((f) => `counter.appointment.fieldError.${f}`),
    ...AppointmentState.options.map((s) => `counter.appointment.state.${s}`),
    ...PrintJob.shape.kind.options.map((k) => `counter.print.kind.${k}`),
    ...PrintJobState.options.map((s) => `counter.print.state.${s}`),
    ...PrintFailure.options.map((f) => `counter.print.failure.${f}`),
  ];
  for (const [lang, data] of Object.entries({ 'zh-CN': zhCN, en, ru })) {
    it(lang, () => {
      const missing = keys.filter((k) => typeof k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], data) !== 'string');
      expect(missing).toEqual([]);
    });
  }
});

describe('an appointment ticket the server flagged', () => {
  const twice = ticket('T3-A002', { offline: true, appointmentId: '01JH0000000000000000000APQ', enterprise: '哈尔滨拍卖行有限公司', appointmentFlag: 'checked-in-twice' });
  const cancelled = ticket('T3-A003', { offline: true, appointmentId: '01JH0000000000000000000APR', appointmentFlag: 'cancelled' });
  const q = counterQueue();
  const queue = { ...q, lines: [{ ...q.lines[0]!, waiting: [...q.lines[0]!.waiting, twice, cancelled] }] };
  const words = {
    'zh-CN': ['重复签到', '预约已取消', '这个预约已用另一张号签到过。'],
    en: ['Checked in twice', 'Appointment cancelled', 'This appointment was already checked in with another ticket.'],
    ru: ['Повторная отметка', 'Запись отменена', 'По этой записи уже отметились с другим талоном.'],
  } as const;

  it.each(Object.entries(words))('is marked in words in the waiting list and on the current ticket (%s)', (lang, [twiceTag, cancelledTag, twiceNote]) => {
    const rows = render(<LinesPanel queue={queue} now={0} />, lang as Lang).split('data-testid="waiting-ticket"').slice(1);
    expect(rows.map((r) => /data-flag="([^"]+)"/.exec(r)?.[1] ?? null)).toEqual([null, null, 'checked-in-twice', 'cancelled']);
    expect(text(rows[2]!, 'appointment-flag')).toBe(twiceTag);
    expect(text(rows[3]!, 'appointment-flag')).toBe(cancelledTag);

    const serving = current({ queue: { ...q, current: { ...twice, state: 'called', counterNo: 3, calledAt: '2026-11-26T09:30:00+08:00', callCount: 1 } } }, lang as Lang);
    expect(text(serving, 'current-flag', '</p')).toContain(twiceNote);
    expect(text(serving, 'current-flag', '</p')).toContain(twiceTag);
  });

  it('says nothing on a ticket without a flag', () => {
    expect(render(<LinesPanel queue={q} now={0} />)).not.toContain('appointment-flag');
    expect(current({ queue: { ...q, current: { ...q.lines[0]!.waiting[0]!, state: 'called', counterNo: 3 } } })).not.toContain('current-flag');
  });
});

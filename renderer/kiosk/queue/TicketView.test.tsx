import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { createI18n } from '../../i18n/i18n.js';
import { HallZoneProvider } from '../../shared/hallZone.js';
import { TicketView } from './TicketView.js';

const issued: IssuedTicket = {
  ticket: {
    id: '01JD8ZQ3W4X5Y6Z7A8B9C0D1E2',
    hall: 'hlj-swt',
    number: 'A012',
    service: 'A',
    state: 'waiting',
    appointmentId: null,
    enterprise: null,
    issuedAt: '2026-11-26T01:30:00.000Z',
    offline: false,
    counterNo: null,
    calledAt: null,
    calledBy: null,
    callCount: 0,
    finishedAt: null,
    appointmentFlag: null,
  },
  ahead: 3,
  serviceName: '对外贸易与经济合作',
  counterArea: '1–3号窗口',
  counters: [1, 2, 3],
  qr: 'HALL-TICKET:A012:01JD8ZQ3W4X5Y6Z7A8B9C0D1E2:K7M3P',
  ratingCode: 'K7M3P',
  print: 'queued',
  jobId: 'job-1',
};

function render(t: IssuedTicket, lang: Lang = 'zh-CN', kind: 'ticket' | 'checkin' = 'ticket', zone: string | null = 'Asia/Shanghai'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <HallZoneProvider zone={zone}>
        <TicketView issued={t} kind={kind} onDone={() => undefined} />
      </HallZoneProvider>
    </I18nextProvider>,
  );
}

/** Text of the element with `data-testid`, tags stripped. */
function text(html: string, testid: string): string {
  const m = new RegExp(`data-testid="${testid}"[^>]*>(.*?)</(dd|p|div)>`, 's').exec(html);
  expect(m, testid).not.toBeNull();
  return m![1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('the issued ticket', () => {
  it('shows the time on the hall’s clock, across its midnight; none before the kiosk knows the hall’s zone', () => {
    const late = { ...issued, ticket: { ...issued.ticket, issuedAt: '2026-12-01T15:59:00.000Z' } };
    expect(text(render(late), 'ticket-time')).toBe('23:59');
    expect(text(render({ ...issued, ticket: { ...issued.ticket, issuedAt: '2026-12-01T16:01:00.000Z' } }), 'ticket-time')).toBe('00:01');
    expect(render(late, 'zh-CN', 'ticket', null)).not.toContain('ticket-time');
  });

  it('shows the number, line, counter area, people ahead, time and a QR code of the ticket', () => {
    const html = render(issued);
    expect(text(html, 'ticket-number')).toBe('A012');
    expect(text(html, 'ticket-line')).toBe('对外贸易与经济合作');
    expect(text(html, 'ticket-area')).toBe('1–3号窗口');
    expect(text(html, 'ticket-ahead')).toBe('3 人');
    expect(text(html, 'ticket-time')).toBe('09:30');
    const qr = html.split('data-testid="ticket-qr"')[1]!;
    expect(qr).toMatch(/<svg[^>]*role="img"[^>]*aria-label="号码 A012 的二维码"/);
    expect(qr).toMatch(/<path d="M\d/);
    expect(html).toContain('data-testid="ticket-done"');
    expect(html).not.toContain('ticket-offline');
  });

  it('tells the visitor to take the slip when it is printing', () => {
    const html = render(issued);
    expect(html).toMatch(/data-testid="ticket-print" data-print="queued"/);
    expect(text(html, 'ticket-print')).toContain('请从下方出票口取走号票');
  });

  it('without a slip, asks the visitor to note the number or photograph it', () => {
    for (const print of ['no-printer', 'printer-down', 'skipped'] as const) {
      expect(text(render({ ...issued, print, jobId: null }), 'ticket-print')).toContain('请记下您的号码或用手机拍下');
    }
    expect(text(render({ ...issued, print: 'printer-down', jobId: null }), 'ticket-print')).toContain('打印机暂时不能打印');
  });

  it('on a kiosk with no printer, shows the ticket calmly as the normal path; a printer that failed is a warning', () => {
    const calm = render({ ...issued, print: 'no-printer', jobId: null });
    expect(calm).toMatch(/class="ticket-note slip on-screen" role="status" data-testid="ticket-print" data-print="no-printer"/);
    expect(text(calm, 'ticket-print')).toBe('号票显示在屏幕上。请记下您的号码或用手机拍下。');
    expect(calm).not.toContain('打印机');
    const down = render({ ...issued, print: 'printer-down', jobId: null });
    expect(down).toMatch(/class="ticket-note slip note-number" role="status" data-testid="ticket-print" data-print="printer-down"/);
  });

  it('says plainly that an offline number was issued by this kiosk and is still valid', () => {
    const html = render({ ...issued, ticket: { ...issued.ticket, number: 'T3-A005', offline: true } });
    expect(text(html, 'ticket-number')).toBe('T3-A005');
    expect(text(html, 'ticket-offline')).toMatch(/由本机发放.*照样有效/);
  });

  it('tells an appointment visitor they are checked in, with their enterprise', () => {
    const html = render({ ...issued, ticket: { ...issued.ticket, enterprise: '黑龙江龙江拍卖有限公司', appointmentId: '01JD8ZQ3W4X5Y6Z7A8B9C0D1E3' } }, 'zh-CN', 'checkin');
    expect(html).toContain('签到成功');
    expect(text(html, 'ticket-enterprise')).toBe('黑龙江龙江拍卖有限公司');
  });

  it('says nobody is ahead rather than "0 people", and reads in English and Russian', () => {
    expect(text(render({ ...issued, ahead: 0 }), 'ticket-ahead')).toBe('没有人，请留意叫号');
    expect(text(render({ ...issued, ahead: 1 }, 'en'), 'ticket-ahead')).toBe('1 person');
    expect(text(render({ ...issued, ahead: 3 }, 'ru'), 'ticket-ahead')).toBe('3 человека');
    expect(text(render({ ...issued, ahead: 5 }, 'ru'), 'ticket-ahead')).toBe('5 человек');
    expect(text(render({ ...issued, print: 'no-printer' }, 'en'), 'ticket-print')).toContain('write down your number');
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import { createI18n } from '../../i18n/i18n.js';
import { LinesView, PrinterDownNotice, type Line } from './LinesView.js';

const lines: Line[] = [
  { code: 'A', name: '对外贸易与经济合作', counterArea: '1–3号窗口', counters: [1, 2, 3], waiting: 4 },
  { code: 'B', name: '市场秩序与流通', counterArea: '4号窗口', counters: [4], waiting: 0 },
];

type Props = Parameters<typeof LinesView>[0];

function render(props: Partial<Props>, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <LinesView lines={lines} online printerDown={false} busyCode={null} onChoose={() => undefined} {...props} />
    </I18nextProvider>,
  );
}

const buttons = (html: string) => html.match(/<button[^>]*data-testid="queue-line"[^>]*>/g) ?? [];

describe('queue lines', () => {
  it('lists every line as a button with its name, counter area and people waiting', () => {
    const html = render({});
    expect(buttons(html)).toHaveLength(2);
    expect(html).toMatch(/data-code="A"[^>]*>.*对外贸易与经济合作.*请到 1–3号窗口 办理.*等候 4 人/s);
    expect(html).toMatch(/data-code="B"[^>]*>.*等候 0 人/s);
    expect(buttons(html).every((b) => !b.includes('disabled'))).toBe(true);
    expect(html).not.toContain('lines-offline');
    expect(html).not.toContain('printer-warning');
  });

  it('while one ticket is being issued, every line waits and the chosen one says so', () => {
    const html = render({ busyCode: 'A' });
    expect(buttons(html).every((b) => b.includes('disabled'))).toBe(true);
    expect(html).toMatch(/data-code="A"[^>]*aria-busy="true"[^>]*>.*正在取号/s);
  });

  it('warns before issuing when the printer is down, and when numbers come from this kiosk offline', () => {
    const html = render({ printerDown: true, online: false });
    expect(html).toMatch(/data-testid="printer-warning"[^>]*>.*打印机暂不可用，您可以在屏幕上查看号码/s);
    expect(html).toMatch(/data-testid="lines-offline"[^>]*>.*由本机发放，照样有效/s);
  });

  it('with no open line, says to ask staff instead of showing an empty screen', () => {
    expect(render({ lines: [] })).toMatch(/data-testid="lines-empty"[^>]*>现在没有可以取号的业务/);
  });

  it('counts people in Russian plural forms', () => {
    expect(render({}, 'ru')).toContain('Ждут: 4');
    expect(render({}, 'en')).toContain('4 waiting');
  });
});

describe('printer down before issuing', () => {
  const notice = (busy: boolean) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <PrinterDownNotice line={lines[0]!} busy={busy} onScreen={() => undefined} onCancel={() => undefined} />
      </I18nextProvider>,
    );

  it('offers the ticket on screen or another choice', () => {
    const html = notice(false);
    expect(html).toContain('打印机暂不可用，您可以在屏幕上查看号码');
    expect(html).toContain('您选择的业务：对外贸易与经济合作');
    expect(html).toMatch(/data-testid="ticket-on-screen"[^>]*>在屏幕上显示我的号码/);
    expect(html).toMatch(/data-testid="printer-cancel"[^>]*>返回重新选择/);
  });

  it('shows it is busy while the number is issued', () => {
    expect(notice(true)).toMatch(/data-testid="ticket-on-screen" disabled="" aria-busy="true">正在取号/);
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import { ApiError } from '../../api/client.js';
import { createI18n } from '../../i18n/i18n.js';
import { ProblemMessage } from './ProblemMessage.js';

function render(error: unknown, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ProblemMessage error={error} />
    </I18nextProvider>,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('problem messages', () => {
  it('an unknown appointment is explained with what to check and whom to ask', () => {
    const out = render(new ApiError('APPOINTMENT_NOT_FOUND', '没有找到今天的这个预约，请核对预约码或咨询工作人员。', 404));
    expect(out).toContain('没有找到您今天的预约');
    expect(out).toContain('请核对号码是否输对，并确认预约的是今天');
    expect(out).toContain('需要帮助，请找现场工作人员');
  });

  it('an appointment already checked in says a number was issued and staff can reprint it', () => {
    const out = render(new ApiError('ALREADY_CHECKED_IN', 'x', 409), 'en');
    expect(out).toContain('This appointment is already checked in');
    expect(out).toContain('staff can print it again');
  });

  it('a cancelled appointment says so and points to staff or a walk-in ticket, in every language', () => {
    const err = new ApiError('APPOINTMENT_CANCELLED', 'x', 409);
    expect(render(err)).toContain('这个预约已被取消');
    expect(render(err)).toContain('直接取号排队');
    expect(render(err, 'en')).toContain('This appointment was cancelled');
    expect(render(err, 'en')).toContain('take a walk-in ticket');
    expect(render(err, 'ru')).toContain('Эта запись отменена');
    expect(render(err, 'ru')).toContain('талон в общую очередь');
  });

  it("a kiosk that cannot reach its own service gets the kiosk's words, other errors the service's", () => {
    expect(render(new ApiError('NETWORK', 'fetch failed', null), 'ru')).toContain('Служба терминала сейчас недоступна');
    expect(render(new ApiError('SERVER_UNREACHABLE', '暂时连不上中心服务器，请稍后再试。', 503))).toContain('暂时连不上中心服务器，请稍后再试。');
    expect(render(new Error('boom'))).not.toContain('boom');
  });
});

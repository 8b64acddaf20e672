import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/contract/common.js';
import type { ProcedureDetail } from '../../../core/contract/procedures.js';
import { createI18n } from '../../i18n/i18n.js';
import { ProcedureView } from './ProcedureScreen.js';

const labour: ProcedureDetail = {
  id: 'p-labour',
  code: 'OI-03',
  baseCode: 'B-OI-03',
  name: '对外劳务合作经营资格核准',
  summary: '企业组织劳务人员赴境外工作，须取得对外劳务合作经营资格。',
  type: 'administrative_licence',
  category: { code: 'outward', name: '对外投资与经济合作' },
  department: { code: 'd1', name: '对外投资和经济合作处', place: '咨询服务处 4号窗口', hours: '周一至周五 8:30—17:00', phone: '0451-82623081' },
  legalBasis: [{ law: '《对外劳务合作管理条例》（国务院令第620号）', article: '第七条' }],
  conditions: ['实缴注册资本不低于600万元人民币'],
  statutoryDays: 20,
  promisedDays: 1,
  timeLimitNote: null,
  materials: [
    { name: '申请书', originals: 1, copies: 0, required: true, note: null },
    { name: '营业执照复印件', originals: 0, copies: 2, required: false, note: '已共享核验的免交' },
  ],
  fee: 0,
  feeNote: null,
  result: '对外劳务合作经营资格证书',
  visits: 1,
  immediate: false,
  consultPhone: '0451-82623081',
  supervisePhone: '0451-82627115',
  flow: [
    { title: '网上申报', actor: '申请人', days: null },
    { title: '受理', actor: '承办处室', days: 1 },
    { title: '审查', actor: null, days: 5 },
  ],
  onlineUrl: 'https://zwfw.hlj.gov.cn/p-labour',
  abolished: null,
};

function render(p: ProcedureDetail, lang: Lang = 'zh-CN'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ProcedureView p={p} />
    </I18nextProvider>,
  );
}

/** The text of the element carrying `data-testid`, tags stripped (enough for these flat sections). */
function section(html: string, testid: string): string {
  const start = html.indexOf(`data-testid="${testid}"`);
  expect(start, testid).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('procedure detail', () => {
  it('shows legal basis with its article, time limits in working days, and "free" for a zero fee', () => {
    const html = render(labour);
    expect(html).toContain('data-testid="procedure-title"');
    expect(section(html, 'detail-legal-basis')).toContain('第七条');
    expect(html).toContain('20 个工作日');
    expect(html).toContain('1 个工作日');
    expect(html).toContain('不收费');
    expect(html).not.toContain('abolished-banner');
  });

  it('lists each material with original and copy counts and its note', () => {
    const text = section(render(labour), 'detail-materials');
    expect(text).toMatch(/申请书 必须提交 1 份 不需要/);
    expect(text).toMatch(/营业执照复印件 视情况提交 已共享核验的免交 不需要 2 份/);
  });

  it('draws the flow as one list item per step, in order, with arrows only between steps', () => {
    const html = render(labour);
    const flow = section(html, 'detail-flow');
    expect(flow.indexOf('网上申报')).toBeLessThan(flow.indexOf('受理'));
    expect(flow.indexOf('受理')).toBeLessThan(flow.indexOf('审查'));
    const flowHtml = html.slice(html.indexOf('data-testid="detail-flow"'), html.indexOf('data-testid="detail-qr"'));
    expect(flowHtml.match(/<li/g)).toHaveLength(3);
    expect(flowHtml.match(/flow-arrow/g)).toHaveLength(2);
  });

  it('renders the online address as a QR code with a readable label', () => {
    const qr = render(labour).split('data-testid="detail-qr"')[1]!;
    expect(qr).toMatch(/<svg[^>]*role="img"[^>]*aria-label="网上办理地址二维码：https:\/\/zwfw.hlj.gov.cn\/p-labour"/);
    expect(qr).toMatch(/<path d="M\d/);
  });

  it('an abolished procedure shows the date and links to its replacement', () => {
    const html = render({ ...labour, abolished: { date: '2020-01-01', note: null, replacedBy: { id: 'p-new', name: '外商投资信息报告' } } });
    const banner = html.slice(html.indexOf('abolished-banner'), html.indexOf('class="summary"'));
    expect(banner).toContain('本事项已于2020年1月1日取消');
    expect(banner).toMatch(/<a href="\/kiosk\/procedures\/p-new"[^>]*>外商投资信息报告<\/a>/);
  });

  it('reads in Russian with Russian plural forms, and in English with a fee in yuan', () => {
    const ru = render({ ...labour, statutoryDays: 5, promisedDays: 2 }, 'ru');
    expect(ru).toContain('5 рабочих дней');
    expect(ru).toContain('2 рабочих дня');
    expect(ru).toContain('Бесплатно');
    const en = render({ ...labour, fee: 300, statutoryDays: null }, 'en');
    expect(en).toContain('CNY 300');
    expect(en).toContain('None set by law');
  });
});

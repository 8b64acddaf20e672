import type { Lang } from '../contract/common.js';
import type { OpinionKind } from '../contract/opinions.js';

/** The words printed on a tracking slip, in the visitor's language. */
const KIND: Record<Lang, Record<OpinionKind, string>> = {
  'zh-CN': { opinion: '意见', suggestion: '建议', complaint: '投诉', 'leadership-letter': '领导信箱' },
  en: { opinion: 'Opinion', suggestion: 'Suggestion', complaint: 'Complaint', 'leadership-letter': 'Letter to the leadership' },
  ru: { opinion: 'Мнение', suggestion: 'Предложение', complaint: 'Жалоба', 'leadership-letter': 'Письмо руководству' },
};

const PROHIBITION: Record<Lang, (no: number) => string> = {
  'zh-CN': (no) => `十一不准第${no}条`,
  en: (no) => `prohibition no. ${no}`,
  ru: (no) => `запрет № ${no}`,
};

const HINT: Record<Lang, { withPhone: string; withoutPhone: string }> = {
  'zh-CN': { withPhone: '凭查询码（及手机号后四位）查询进度', withoutPhone: '凭查询码查询进度' },
  en: {
    withPhone: 'Look up the progress with this code (and the last four digits of your phone)',
    withoutPhone: 'Look up the progress with this code',
  },
  ru: {
    withPhone: 'Узнать ход рассмотрения можно по этому коду (и четырём последним цифрам телефона)',
    withoutPhone: 'Узнать ход рассмотрения можно по этому коду',
  },
};

export function slipCategory(lang: Lang, kind: OpinionKind, prohibition: number | null): string {
  const name = KIND[lang][kind];
  if (prohibition === null) return name;
  return `${name}${lang === 'zh-CN' ? '：' : ': '}${PROHIBITION[lang](prohibition)}`;
}

export function slipLookupHint(lang: Lang, withPhone: boolean): string {
  return withPhone ? HINT[lang].withPhone : HINT[lang].withoutPhone;
}

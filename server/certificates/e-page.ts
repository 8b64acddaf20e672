import type { Lang } from '../../core/contract/index.js';

/** Why an electronic certificate link shows a page instead of the PDF; the visitor reads it on a phone. */
export type LinkRefusal = 'forged' | 'expired' | 'not-found' | 'revoked' | 'superseded' | 'unavailable';

export const LINK_REFUSAL_STATUS: Record<LinkRefusal, number> = { forged: 403, expired: 410, 'not-found': 404, revoked: 410, superseded: 410, unavailable: 503 };

const TEXT: Record<Lang, { title: string } & Record<LinkRefusal, string>> = {
  'zh-CN': {
    title: '电子证照',
    forged: '这个链接无效：它不是本中心签发的链接，或已被改动。请让窗口工作人员重新生成二维码。',
    expired: '这个链接已过期。电子证照链接只在短时间内有效，请让窗口工作人员重新生成二维码。',
    'not-found': '没有找到这个证照。请咨询窗口工作人员。',
    revoked: '这个证照已被撤销，不能下载。请咨询窗口工作人员。',
    superseded: '这个证照已换发新版本，请向窗口工作人员索取新版本的链接。',
    unavailable: '电子证照暂时无法生成，请稍后再试或咨询窗口工作人员。',
  },
  en: {
    title: 'Electronic certificate',
    forged: 'This link is not valid: it was not issued by this centre, or it was altered. Please ask the counter clerk for a new QR code.',
    expired: 'This link has expired. Electronic certificate links work for a short time only; please ask the counter clerk for a new QR code.',
    'not-found': 'This certificate was not found. Please ask the counter clerk.',
    revoked: 'This certificate has been revoked and cannot be downloaded. Please ask the counter clerk.',
    superseded: 'This certificate has been reissued; please ask the counter clerk for a link to the new version.',
    unavailable: 'The electronic certificate cannot be made right now. Please try again later or ask the counter clerk.',
  },
  ru: {
    title: 'Электронный документ',
    forged: 'Эта ссылка недействительна: она выдана не этим центром или была изменена. Попросите оператора окна создать новый QR-код.',
    expired: 'Срок действия ссылки истёк. Ссылки на электронные документы действуют недолго; попросите оператора окна создать новый QR-код.',
    'not-found': 'Документ не найден. Обратитесь к оператору окна.',
    revoked: 'Этот документ отозван, скачать его нельзя. Обратитесь к оператору окна.',
    superseded: 'Документ переоформлен; попросите у оператора окна ссылку на новую версию.',
    unavailable: 'Электронный документ сейчас нельзя сформировать. Повторите позже или обратитесь к оператору окна.',
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page in the visitor's language (Accept-Language), never a stack trace. */
export function linkRefusalPage(why: LinkRefusal, lang: Lang): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title></head>
<body style="font-family: sans-serif; margin: 2rem; line-height: 1.6; font-size: 1.1rem"><h1 style="font-size: 1.4rem">${escape(t.title)}</h1><p data-refusal="${why}">${escape(t[why])}</p></body></html>
`;
}

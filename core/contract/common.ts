import { z } from 'zod';

export const LANGS = ['zh-CN', 'en', 'ru'] as const;
export const DEFAULT_LANG = 'zh-CN';
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

// A lone UTF-16 surrogate: PostgreSQL refuses it in JSON and stores it as U+FFFD in text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for text PostgreSQL cannot store as it is: a NUL or a lone surrogate. */
export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** Every string a caller may type or send: refused (VALIDATION_FAILED) when a database could not store it as sent. */
export const FreeText = z.string().refine(isStorableText, { message: 'holds a NUL or a lone surrogate, which cannot be stored' });

/** Text in every language: names and summaries must read in all three. */
export const LocalizedRequired = z.strictObject({
  'zh-CN': FreeText.trim().min(1),
  en: FreeText.trim().min(1),
  ru: FreeText.trim().min(1),
});
export type LocalizedRequired = z.infer<typeof LocalizedRequired>;

/** Text whose Chinese original is authoritative; translations fall back to it. */
export const Localized = z.strictObject({
  'zh-CN': FreeText.trim().min(1),
  en: FreeText.trim().min(1).optional(),
  ru: FreeText.trim().min(1).optional(),
});
export type Localized = z.infer<typeof Localized>;

export function pickLang(text: Localized, lang: Lang): string {
  return text[lang] ?? text['zh-CN'];
}

export const LangQuery = z.object({ lang: Lang.default(DEFAULT_LANG) });

export const IsoDate = z.iso.date();

/** The hall's IANA time zone (Asia/Shanghai): screens show, and count days, in it rather than in the browser's. */
export const TimeZone = z.string().min(1).max(64);

/** The language of the first Accept-Language tag we speak; Chinese otherwise. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('ru')) return 'ru';
  }
  return DEFAULT_LANG;
}

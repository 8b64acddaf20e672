import { z } from 'zod';

export const LANGS = ['zh-CN', 'en', 'ru'] as const;
export const DEFAULT_LANG = 'zh-CN';
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** Text in every language: names and summaries must read in all three. */
export const LocalizedRequired = z.strictObject({
  'zh-CN': z.string().trim().min(1),
  en: z.string().trim().min(1),
  ru: z.string().trim().min(1),
});
export type LocalizedRequired = z.infer<typeof LocalizedRequired>;

/** Text whose Chinese original is authoritative; translations fall back to it. */
export const Localized = z.strictObject({
  'zh-CN': z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
  ru: z.string().trim().min(1).optional(),
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

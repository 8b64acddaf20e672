import { LANGS, langFromAcceptLanguage, type Lang } from '../../core/contract/index.js';

/** The language to answer in: a valid `lang` parameter, else Accept-Language, else Chinese. */
export function requestLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (typeof q === 'string' && (LANGS as readonly string[]).includes(q)) return q as Lang;
  return langFromAcceptLanguage(acceptLanguage);
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANG, LANGS, type Lang } from '../../core/contract/common.js';
import en from '../locales/en.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import zhCN from '../locales/zh-CN.json' with { type: 'json' };

/** Bundled, never fetched: the kiosk must work with the network down. */
export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
  ru: { translation: ru },
} as const;

export function createI18n(lng: Lang = DEFAULT_LANG): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

export function currentLang(i18n: I18n): Lang {
  const l = i18n.resolvedLanguage ?? i18n.language;
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : DEFAULT_LANG;
}

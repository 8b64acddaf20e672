import { useTranslation } from 'react-i18next';
import { LANGS } from '../../core/contract/common.js';
import { currentLang } from '../i18n/i18n.js';

const NAMES: Record<(typeof LANGS)[number], string> = { 'zh-CN': '中文', en: 'English', ru: 'Русский' };

/** A compact language menu for staff screens (the kiosk has its own large buttons). */
export function LangSelect({ className, labelKey, testid }: { className: string; labelKey: string; testid: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={className}>
      <span className="visually-hidden">{t(labelKey)}</span>
      <select data-testid={testid} value={currentLang(i18n)} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useTranslation } from 'react-i18next';
import { LANGS } from '../../core/contract/common.js';
import { currentLang } from '../i18n/i18n.js';

const NAMES: Record<(typeof LANGS)[number], string> = { 'zh-CN': '中文', en: 'English', ru: 'Русский' };

export function LangSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="sv-lang">
      <span className="visually-hidden">{t('supervisor.language')}</span>
      <select data-testid="sv-lang" value={currentLang(i18n)} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

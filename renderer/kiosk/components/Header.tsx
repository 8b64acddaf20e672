import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../../core/contract/common.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { useSession } from '../state.js';

/** Always visible: who we are, the language switcher and the two display modes. */
export function Header() {
  const { t, i18n } = useTranslation();
  const { elderly, setElderly, contrast, setContrast } = useSession();
  const lang = currentLang(i18n);
  const names: Record<Lang, string> = { 'zh-CN': t('languages.zh-CN'), en: t('languages.en'), ru: t('languages.ru') };
  return (
    <header className="kiosk-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          {t('app.mark')}
        </span>
        <div>
          <div className="brand-title">{t('app.title')}</div>
          <div className="brand-sub">{t('app.subtitle')}</div>
        </div>
      </div>
      <div className="header-controls">
        <div className="lang-switch" role="group" aria-label={t('header.language')} data-testid="lang-switch">
          <Icon name="globe" />
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              data-lang={l}
              aria-pressed={l === lang}
              className="chip"
              onClick={() => void i18n.changeLanguage(l)}
            >
              {names[l]}
            </button>
          ))}
        </div>
        <div className="mode-toggles" role="group" aria-label={t('header.display')}>
          <button type="button" className="chip toggle" aria-pressed={elderly} data-testid="elderly-toggle" onClick={() => setElderly(!elderly)}>
            <Icon name="text" />
            <span>{t('header.elderly')}</span>
            <span className="toggle-state">{elderly ? t('header.on') : t('header.off')}</span>
          </button>
          <button type="button" className="chip toggle" aria-pressed={contrast} data-testid="contrast-toggle" onClick={() => setContrast(!contrast)}>
            <Icon name="contrast" />
            <span>{t('header.contrast')}</span>
            <span className="toggle-state">{contrast ? t('header.on') : t('header.off')}</span>
          </button>
        </div>
      </div>
    </header>
  );
}

import { useTranslation } from 'react-i18next';

/** Shown in the last seconds before the idle reset; any touch (handled by the idle guard) dismisses it. */
export function IdleOverlay({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  return (
    <div className="idle-overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-desc" data-testid="idle-countdown">
      <div className="idle-card">
        <p id="idle-title" className="idle-title">
          {t('idle.title')}
        </p>
        <p className="idle-seconds" aria-live="assertive">
          <span className="idle-number">{secondsLeft}</span>
          <span>{t('idle.seconds', { count: secondsLeft })}</span>
        </p>
        <p id="idle-desc" className="idle-hint">
          {t('idle.touch')}
        </p>
        <button type="button" className="button primary">
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}

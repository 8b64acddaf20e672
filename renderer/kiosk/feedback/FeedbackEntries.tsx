import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/Link.js';
import { kioskPath } from '../routes.js';

/** The home screen's feedback entries: the opinion box (with progress lookup) and rating a service by ticket; `children` share their grid. */
export function FeedbackEntries({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="feedback-entries">
      <Link to={kioskPath.opinion()} className="feedback-entry" data-testid="home-opinion">
        <span className="feedback-entry-title">{t('kiosk.feedback.homeOpinionTitle')}</span>
        <span className="feedback-entry-text">{t('kiosk.feedback.homeOpinionText')}</span>
      </Link>
      <Link to={kioskPath.rate()} className="feedback-entry" data-testid="home-rate">
        <span className="feedback-entry-title">{t('kiosk.feedback.homeRateTitle')}</span>
        <span className="feedback-entry-text">{t('kiosk.feedback.homeRateText')}</span>
      </Link>
      <Link to={kioskPath.track()} className="feedback-entry minor" data-testid="home-track">
        <span className="feedback-entry-title">{t('kiosk.feedback.trackEntry')}</span>
      </Link>
      {children}
    </div>
  );
}

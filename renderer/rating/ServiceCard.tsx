import { useTranslation } from 'react-i18next';
import { pickLang } from '../../core/contract/common.js';
import type { RatingPrompt } from '../../core/contract/ratings.js';
import { currentLang } from '../i18n/i18n.js';

/** Who served the visitor, where and what: so they know which service they are rating. */
export function ServiceCard({ prompt }: { prompt: RatingPrompt }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="service-card" data-testid="rating-service" data-service-id={prompt.serviceId}>
      <div className="service-fact">
        <dt>{t('rating.clerk')}</dt>
        <dd>
          <span data-testid="rating-clerk">{prompt.clerkName}</span>
          <span className="service-sub">
            {t('rating.clerkNumber')} <span data-testid="rating-clerk-number">{prompt.clerkNumber}</span>
          </span>
        </dd>
      </div>
      <div className="service-fact">
        <dt>{t('rating.counter')}</dt>
        <dd data-testid="rating-counter">{t('rating.counterNo', { no: prompt.counterNo })}</dd>
      </div>
      <div className="service-fact wide">
        <dt>{t('rating.matter')}</dt>
        <dd data-testid="rating-matter">{pickLang(prompt.matter, currentLang(i18n))}</dd>
      </div>
      <div className="service-fact">
        <dt>{t('rating.ticket')}</dt>
        <dd data-testid="rating-ticket">{prompt.ticketNumber}</dd>
      </div>
    </dl>
  );
}

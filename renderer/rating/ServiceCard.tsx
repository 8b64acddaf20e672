import { useTranslation } from 'react-i18next';
import { pickLang } from '../../core/contract/common.js';
import type { WindowClerk } from '../../core/contract/hall-api.js';
import type { RatingPrompt } from '../../core/contract/ratings.js';
import { currentLang } from '../i18n/i18n.js';
import { ClerkPhoto, clerkDisplayName } from '../shared/clerk.js';

/**
 * Who served the visitor, where and what: so they know which service they are rating. `atWindow`: the
 * clerk signed in here now; when it is the one who served, their photo and Latin name come from it (the
 * kiosk's rating by ticket has no such clerk, and shows the name alone).
 */
export function ServiceCard({ prompt, atWindow }: { prompt: RatingPrompt; atWindow?: WindowClerk | null }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const same = atWindow && atWindow.number === prompt.clerkNumber ? atWindow : null;
  const name = clerkDisplayName({ name: prompt.clerkName, latinName: same?.latinName }, lang);
  return (
    <dl className="service-card" data-testid="rating-service" data-service-id={prompt.serviceId}>
      <div className={same ? 'service-fact wide service-clerk' : 'service-fact'}>
        {same && <ClerkPhoto className="service-photo" photo={same.photo} name={name} alt={t('rating.photoOf', { name })} testId="rating-clerk-photo" />}
        <dt>{t('rating.clerk')}</dt>
        <dd>
          <span data-testid="rating-clerk">{name}</span>
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

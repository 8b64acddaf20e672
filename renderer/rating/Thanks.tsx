import { useTranslation } from 'react-i18next';
import type { SubmitOutcome } from './useRatingSubmit.js';

/** After rating: thanks, or (ALREADY_RATED) that this service was rated before. */
export function Thanks({ outcome }: { outcome: SubmitOutcome }) {
  const { t } = useTranslation();
  return (
    <section className="rating-thanks" data-testid="rating-thanks" data-outcome={outcome} role="status">
      <h1>{outcome === 'already-rated' ? t('rating.alreadyTitle') : t('rating.thanksTitle')}</h1>
      <p>{outcome === 'already-rated' ? t('rating.alreadyText') : t('rating.thanksText')}</p>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { WindowClerk } from '../../core/contract/hall-api.js';
import { currentLang } from '../i18n/i18n.js';
import { ClerkPhoto, clerkDisplayName } from '../shared/clerk.js';

/**
 * The idle rating screen says who is at this window, as halls show it on a staff card: photo, name,
 * staff number. Nobody signed in: the window is closed. `clerk` undefined: not known yet (or the
 * terminal service cannot be reached), so the plain invitation stays.
 */
export function WindowIdle({ clerk }: { clerk: WindowClerk | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (clerk === undefined) {
    return (
      <>
        <h1>{t('rating.idleTitle')}</h1>
        <p>{t('rating.idleText')}</p>
      </>
    );
  }
  if (clerk === null) {
    return (
      <div className="window-closed" data-testid="rating-window-closed">
        <h1>{t('rating.windowClosed')}</h1>
        <p>{t('rating.windowClosedText')}</p>
      </div>
    );
  }
  const name = clerkDisplayName(clerk, currentLang(i18n));
  return (
    <div className="window-clerk" data-testid="rating-window-clerk">
      <ClerkPhoto className="window-photo" photo={clerk.photo} name={name} alt={t('rating.photoOf', { name })} testId="rating-window-photo" />
      <div className="window-who">
        <p className="window-counter">{t('rating.counterNo', { no: clerk.counterNo })}</p>
        <p className="window-name" data-testid="rating-window-name">
          {name}
        </p>
        <p className="window-number">
          {t('rating.clerkNumber')} <span data-testid="rating-window-number">{clerk.number}</span>
        </p>
        {clerk.presence === 'away' && (
          <p className="window-away" role="status" data-testid="rating-window-away">
            {t('rating.away')}
          </p>
        )}
        <p className="window-invite">{t('rating.idleText')}</p>
      </div>
    </div>
  );
}

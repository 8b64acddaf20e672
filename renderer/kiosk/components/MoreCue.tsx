import { useTranslation } from 'react-i18next';
import { Icon } from '../../shared/Icon.js';
import './scroll.css';

/** "Swipe up for more": shown above a screen's sticky buttons while the rest of the screen is out of sight. */
export function MoreCue({ testid }: { testid: string }) {
  const { t } = useTranslation();
  return (
    <p className="more-cue" data-testid={testid}>
      <Icon name="chevron" size={32} />
      {t('kiosk.scrollMore')}
    </p>
  );
}

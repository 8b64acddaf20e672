import { useTranslation } from 'react-i18next';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { kioskPath } from '../routes.js';

/** The home screen's two first entries: a walk-in ticket, and check-in for an appointment. */
export function QueueEntries() {
  const { t } = useTranslation();
  return (
    <div className="queue-entries">
      <Link to={kioskPath.ticket()} className="queue-entry queue-entry-ticket" data-testid="home-take-ticket">
        <span className="queue-entry-mark" aria-hidden="true">
          <Icon name="ticket" size={56} />
        </span>
        <span className="queue-entry-body">
          <span className="queue-entry-title">{t('kiosk.queue.homeTitle')}</span>
          <span className="queue-entry-text">{t('kiosk.queue.homeText')}</span>
        </span>
      </Link>
      <Link to={kioskPath.checkin()} className="queue-entry queue-entry-checkin" data-testid="home-checkin">
        <span className="queue-entry-mark" aria-hidden="true">
          <Icon name="appointment" size={56} />
        </span>
        <span className="queue-entry-body">
          <span className="queue-entry-title">{t('kiosk.checkin.homeTitle')}</span>
          <span className="queue-entry-text">{t('kiosk.checkin.homeText')}</span>
        </span>
      </Link>
    </div>
  );
}

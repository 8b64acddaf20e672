import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/Link.js';
import { kioskPath } from '../routes.js';

/** No appointment found: the visitor can still be served, in the queue for walk-ins (test id checkin-walk-in). */
export function WalkInLink() {
  const { t } = useTranslation();
  return (
    <Link to={kioskPath.ticket()} className="button primary big checkin-walk-in" data-testid="checkin-walk-in">
      {t('kiosk.checkin.walkIn')}
    </Link>
  );
}

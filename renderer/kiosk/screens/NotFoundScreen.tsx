import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/Link.js';
import { kioskPath } from '../routes.js';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen not-found">
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.text')}</p>
      <Link to={kioskPath.home()} className="button primary">
        {t('nav.home')}
      </Link>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ErrorMessage, Loading } from '../components/Status.js';
import { kioskPath } from '../routes.js';

export function CategoriesScreen() {
  const { t, i18n } = useTranslation();
  const res = useApi('listCategories', { lang: currentLang(i18n) });
  return (
    <section className="screen categories">
      <ScreenHeader title={t('categories.title')}>
        <p className="lead">{t('categories.lead')}</p>
      </ScreenHeader>
      {res.error ? (
        <ErrorMessage error={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <p className="hint-card">{t('categories.empty')}</p>
      ) : (
        <ul className="category-grid">
          {res.data.items.map((c) => (
            <li key={c.code}>
              <Link to={kioskPath.category(c.code)} className="category-item" data-testid="category-item" data-code={c.code}>
                <span className="category-name">{c.name}</span>
                <span className="category-count">{t('categories.count', { count: c.count })}</span>
                <Icon name="chevron" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { ResultList } from '../components/ResultList.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ErrorMessage, Loading } from '../components/Status.js';

/** Every procedure in one category (an empty search narrowed to the category). */
export function CategoryScreen({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const cats = useApi('listCategories', { lang });
  const res = useApi('searchProcedures', { q: '', category: code, lang, limit: 100 });
  const name = cats.data?.items.find((c) => c.code === code)?.name ?? '';
  return (
    <section className="screen category">
      <ScreenHeader title={name || t('categories.title')} back>
        {res.data && res.fresh && <p className="lead">{t('categories.count', { count: res.data.total })}</p>}
      </ScreenHeader>
      {res.error ? (
        <ErrorMessage error={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : res.data.items.length === 0 ? (
        <p className="hint-card">{t('categories.emptyCategory')}</p>
      ) : (
        <ResultList items={res.data.items} />
      )}
    </section>
  );
}

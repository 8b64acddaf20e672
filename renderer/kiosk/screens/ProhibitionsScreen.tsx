import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ErrorMessage, Loading } from '../components/Status.js';

/** 负面清单: the eleven prohibitions, word for word; in English or Russian the Chinese original is shown too. */
export function ProhibitionsScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const res = useApi('listProhibitions', { lang });
  return (
    <section className="screen prohibitions">
      <ScreenHeader title={t('prohibitions.title')}>
        <p className="lead">{t('prohibitions.lead')}</p>
      </ScreenHeader>
      {res.error ? (
        <ErrorMessage error={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <ol className="prohibition-list">
          {res.data.items.map((p) => (
            <li key={p.no} className="prohibition-item" data-testid="prohibition-item" data-no={p.no}>
              <span className="prohibition-no" aria-hidden="true">
                {p.no}
              </span>
              <span className="prohibition-body">
                <span className="visually-hidden">{t('prohibitions.itemNo', { no: p.no })}</span>
                <span className="prohibition-text">{p.text}</span>
                {lang !== 'zh-CN' && p.original !== p.text && (
                  <span className="prohibition-original">
                    <span className="original-label">{t('prohibitions.original')}</span>
                    <span lang="zh-CN">{p.original}</span>
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="note">{t('prohibitions.note')}</p>
    </section>
  );
}

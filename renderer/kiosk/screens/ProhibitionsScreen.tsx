/*
 * 负面清单 (/kiosk/prohibitions) — test ids: prohibition-item (data-no), prohibition-report (one per item,
 * data-no: opens the opinion box citing that item), prohibitions-phone (the office's supervision phone).
 */
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { ErrorMessage, Loading } from '../components/Status.js';
import { kioskPath } from '../routes.js';
import './prohibitions.css';

/** The eleven prohibitions, word for word (in English or Russian the Chinese original too), each with a way to report a breach of it. */
export function ProhibitionsScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const res = useApi('listProhibitions', { lang });
  return (
    <section className="screen prohibitions">
      <ScreenHeader title={t('prohibitions.title')}>
        <p className="lead">{t('prohibitions.lead')}</p>
      </ScreenHeader>
      {res.data?.supervisePhone && (
        <p className="prohibitions-phone" data-testid="prohibitions-phone">
          <Icon name="phone" size={36} />
          <span className="prohibitions-phone-label">{t('prohibitions.supervisePhone')}</span>
          <strong className="prohibitions-phone-number">{res.data.supervisePhone}</strong>
        </p>
      )}
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
                <Link to={kioskPath.report(p.no)} className="button prohibition-report" data-testid="prohibition-report" data-no={p.no}>
                  {t('prohibitions.report')}
                  <span className="visually-hidden">{t('prohibitions.itemNo', { no: p.no })}</span>
                  <Icon name="chevron" />
                </Link>
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="note">{t('prohibitions.note')}</p>
    </section>
  );
}

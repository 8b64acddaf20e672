import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useDebounced } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { Osk } from '../../shared/keyboard/Osk.js';
import { applyKey } from '../../shared/keyboard/Osk.js';
import { ResultList } from '../components/ResultList.js';
import { ErrorMessage } from '../components/Status.js';
import { kioskPath } from '../routes.js';
import { useSession } from '../state.js';

export const SEARCH_DEBOUNCE_MS = 150;

export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const { query, setQuery } = useSession();
  const inputRef = useRef<HTMLInputElement>(null);
  const lang = currentLang(i18n);
  const q = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const res = useApi('searchProcedures', q === '' ? null : { q, lang, limit: 50 });
  const empty = query.trim() === '';

  return (
    <section className="screen search">
      <h1 className="visually-hidden">{t('search.title')}</h1>
      <div className="search-box">
        <label htmlFor="search-input" className="search-label">
          {t('search.label')}
        </label>
        <div className="search-field">
          <Icon name="search" size={36} />
          <input
            ref={inputRef}
            id="search-input"
            data-testid="search-input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter jumps to the first result, so keyboard users need not tab through the on-screen keys.
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                document.querySelector<HTMLElement>('.search-results [data-testid="result-item"]')?.focus();
              }
            }}
            placeholder={t('search.placeholder')}
            autoFocus
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            inputMode="none"
            aria-describedby="search-status"
          />
        </div>
      </div>
      <div className="search-osk">
        <Osk
          onKey={(k) => {
            setQuery((cur) => applyKey(cur, k));
            inputRef.current?.focus({ preventScroll: true });
          }}
        />
      </div>
      <div className="search-results" aria-busy={res.loading}>
        <p id="search-status" className="search-count" role="status">
          {!empty && res.fresh && res.data ? t('search.count', { count: res.data.total }) : ''}
        </p>
        {empty ? (
          <div className="hint-card">
            <p>{t('search.hint')}</p>
            <ul className="hint-examples">
              <li>{t('search.exampleChinese')}</li>
              <li>{t('search.examplePinyin')}</li>
              <li>{t('search.exampleInitials')}</li>
            </ul>
          </div>
        ) : res.error ? (
          <ErrorMessage error={res.error} />
        ) : res.data && res.data.items.length === 0 && res.fresh ? (
          <div className="hint-card no-results" data-testid="no-results">
            <p className="no-results-title">{t('search.noResults', { query: q })}</p>
            <p>{t('search.noResultsHint')}</p>
            <Link to={kioskPath.categories()} className="button">
              {t('search.browseCategories')}
            </Link>
          </div>
        ) : res.data ? (
          <ResultList items={res.data.items} />
        ) : null}
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../core/contract/common.js';
import { useApi } from '../../api/useApi.js';
import { errorText } from '../../shared/errors.js';

/** Optionally cite one of the eleven prohibitions (十一不准), quoted word for word; "none" is the default. */
export function ProhibitionChoice({ value, onChange, lang }: { value: number | null; onChange: (no: number | null) => void; lang: Lang }) {
  const { t } = useTranslation();
  const list = useApi('listProhibitions', { lang });
  return (
    <div className="prohibition-choice" role="group" aria-label={t('kiosk.feedback.prohibitionAsk')}>
      <button type="button" className="prohibition-option none" data-testid="opinion-prohibition-none" aria-pressed={value === null} onClick={() => onChange(null)}>
        {t('kiosk.feedback.prohibitionNone')}
      </button>
      {list.loading && !list.data && <p className="status loading">{t('status.loading')}</p>}
      {list.error && (
        <p className="status error" data-testid="opinion-prohibitions-error">
          {errorText(list.error, t)}
        </p>
      )}
      {list.data?.items.map((p) => (
        <button
          key={p.no}
          type="button"
          className="prohibition-option"
          data-testid={`opinion-prohibition-${p.no}`}
          aria-pressed={value === p.no}
          onClick={() => onChange(value === p.no ? null : p.no)}
        >
          <span className="prohibition-no">{p.no}</span>
          <span className="prohibition-text">{p.text}</span>
        </button>
      ))}
    </div>
  );
}

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

/** The prohibition a complaint cites, quoted, above the text the visitor writes (opened from the negative list). */
export function CitedProhibition({ no, lang }: { no: number; lang: Lang }) {
  const { t } = useTranslation();
  const list = useApi('listProhibitions', { lang });
  const item = list.data?.items.find((p) => p.no === no);
  return (
    <div className="feedback-cited" data-testid="opinion-cited" data-no={no}>
      <span className="prohibition-no" aria-hidden="true">
        {no}
      </span>
      <p>
        <span className="feedback-cited-label">{t('kiosk.feedback.citing', { no })}</span>
        {item && <span className="feedback-cited-text">{item.text}</span>}
      </p>
    </div>
  );
}

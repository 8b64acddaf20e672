import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../core/contract/procedures.js';

/** The steps as numbered boxes joined by arrows; an ordered list underneath, so it reads in order. */
export function FlowChart({ steps }: { steps: ProcedureDetail['flow'] }) {
  const { t } = useTranslation();
  return (
    <ol className="flow" aria-label={t('detail.flow')}>
      {steps.map((s, i) => (
        <li key={i} className="flow-step">
          <div className="flow-box">
            <span className="flow-no" aria-hidden="true">
              {i + 1}
            </span>
            <span className="flow-body">
              <span className="flow-title">{s.title}</span>
              {s.actor && <span className="flow-meta">{s.actor}</span>}
              {s.days !== null && <span className="flow-meta">{t('detail.workingDays', { count: s.days })}</span>}
            </span>
          </div>
          {i < steps.length - 1 && (
            <svg className="flow-arrow" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 3v15M6 13l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          )}
        </li>
      ))}
    </ol>
  );
}

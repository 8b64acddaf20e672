import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemote } from '../counter/useRemote.js';
import { CaseTable } from './CasesPanel.js';
import { ComplaintTable } from './ComplaintsPanel.js';
import { useSupervision } from './context.js';
import { useFeed } from './live-context.js';
import { LoadError } from './parts.js';

/** Discipline inspection: every complaint and case past its deadline or escalated, in one place. */
export function InspectionPanel() {
  const { t } = useTranslation();
  const client = useSupervision();
  const feed = useFeed();
  const data = useRemote((signal) => client.call('inspection', {}, { signal }));
  const { reload } = data;
  useEffect(() => {
    if (feed.complaintsTick + feed.casesTick > 0) reload();
  }, [feed.complaintsTick, feed.casesTick, reload]);
  return (
    <div className="sv-inspection">
      <p className="sv-muted">{t('supervisor.inspection.intro')}</p>
      {data.error !== undefined && <LoadError error={data.error} onRetry={data.reload} />}
      {data.data && data.data.complaints.length === 0 && data.data.cases.length === 0 && (
        <p className="sv-card sv-empty" data-testid="sv-inspection-empty">
          {t('supervisor.inspection.empty')}
        </p>
      )}
      {data.data && data.data.complaints.length > 0 && (
        <section className="sv-card" data-testid="sv-inspection-complaints" aria-labelledby="sv-insp-c-h">
          <h2 id="sv-insp-c-h">{t('supervisor.inspection.complaints', { count: data.data.complaints.length })}</h2>
          <ComplaintTable complaints={data.data.complaints} selected={null} />
        </section>
      )}
      {data.data && data.data.cases.length > 0 && (
        <section className="sv-card" data-testid="sv-inspection-cases" aria-labelledby="sv-insp-k-h">
          <h2 id="sv-insp-k-h">{t('supervisor.inspection.cases', { count: data.data.cases.length })}</h2>
          <CaseTable cases={data.data.cases} selected={null} />
        </section>
      )}
    </div>
  );
}

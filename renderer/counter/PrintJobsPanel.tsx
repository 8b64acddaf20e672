import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../core/contract/print.js';
import { counterErrorText } from './errors.js';
import { clockTime, useHallZone } from '../shared/hallZone.js';

export interface PrintJobsProps {
  jobs: PrintJob[] | undefined;
  loadError: unknown;
  busy: string | null;
  actionError: unknown;
  onReprint: (job: PrintJob) => void;
}

/** This terminal's recent slips: what printed, what failed and why, and a reprint for each. */
export function PrintJobsPanel(p: PrintJobsProps) {
  const { t } = useTranslation();
  const zone = useHallZone();
  return (
    <section className="panel print-panel" aria-labelledby="print-title" data-testid="print-panel">
      <h2 id="print-title">{t('counter.print.title')}</h2>
      {p.loadError !== undefined && <p className="error-text">{counterErrorText(p.loadError, t)}</p>}
      {p.actionError !== undefined && (
        <p className="error-text" role="alert" data-testid="print-error">
          {counterErrorText(p.actionError, t)}
        </p>
      )}
      {p.jobs && p.jobs.length === 0 && <p className="empty">{t('counter.print.none')}</p>}
      {p.jobs && p.jobs.length > 0 && (
        <ul className="print-jobs">
          {p.jobs.map((job) => (
            <li key={job.id} className={`print-job ${job.state}`} data-testid="print-job" data-state={job.state} data-job={job.id}>
              <span className="job-kind">{t(`counter.print.kind.${job.kind}`)}</span>
              {zone && <span className="job-time">{clockTime(job.updatedAt, zone)}</span>}
              <span className={`job-state ${job.state}`} data-testid="print-job-state">
                {t(`counter.print.state.${job.state}`)}
                {job.failure && ` · ${t(`counter.print.failure.${job.failure}`)}`}
              </span>
              {job.attempts > 1 && <span className="job-attempts">{t('counter.print.attempts', { count: job.attempts })}</span>}
              <button
                type="button"
                className="btn"
                data-testid="print-reprint"
                disabled={p.busy !== null}
                aria-busy={p.busy === job.id}
                onClick={() => p.onReprint(job)}
              >
                {p.busy === job.id ? t('counter.busy') : t('counter.print.reprint')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

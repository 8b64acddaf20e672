import { useTranslation } from 'react-i18next';
import type { PrintedCertificate } from './types.js';

/** What one hand-over or reprint queued (slips and the A4 job, each with its state) and, after a hand-over, that the rating screen was offered. */
export function PrintedNotice({ printed, handedOver }: { printed: PrintedCertificate; handedOver: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice cert-printed" role="status" data-testid="cert-printed">
      <p>{t(handedOver ? 'counter.certificates.printed.handedOver' : 'counter.certificates.printed.reprinted', { name: printed.view.certificate.name })}</p>
      <ul className="print-jobs">
        {printed.a4Job && (
          <li className={`print-job ${printed.a4Job.state}`} data-testid="cert-a4-job" data-state={printed.a4Job.state}>
            <span className="job-kind">{t('counter.certificates.printed.a4')}</span>
            <span className={`job-state ${printed.a4Job.state}`}>
              {t(`counter.print.state.${printed.a4Job.state}`)}
              {printed.a4Job.failure && ` · ${printed.a4Job.failure}`}
            </span>
          </li>
        )}
        {printed.jobs.map((job) => (
          <li key={job.id} className={`print-job ${job.state}`} data-testid="cert-slip-job" data-kind={job.kind} data-state={job.state}>
            <span className="job-kind">{t(`counter.print.kind.${job.kind}`)}</span>
            <span className={`job-state ${job.state}`}>
              {t(`counter.print.state.${job.state}`)}
              {job.failure && ` · ${t(`counter.print.failure.${job.failure}`)}`}
            </span>
          </li>
        ))}
      </ul>
      {handedOver && (
        <p className="cert-rating-offered" data-testid="cert-rating-offered">
          {t('counter.certificates.printed.ratingOffered')}
        </p>
      )}
    </div>
  );
}

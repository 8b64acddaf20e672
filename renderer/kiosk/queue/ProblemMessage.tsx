import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../shared/Icon.js';
import { queueProblem } from './errors.js';

/** A failed ticket, check-in or print call, in words a first-time visitor understands, with where to get help; `children`: a way on. */
export function ProblemMessage({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  const problem = queueProblem(error);
  let title: string;
  let text: string | null = null;
  switch (problem.kind) {
    case 'not-found':
      title = t('kiosk.checkin.notFoundTitle');
      text = t('kiosk.checkin.notFoundText');
      break;
    case 'already-checked-in':
      title = t('kiosk.checkin.alreadyTitle');
      text = t('kiosk.checkin.alreadyText');
      break;
    case 'cancelled':
      title = t('kiosk.checkin.cancelledTitle');
      text = t('kiosk.checkin.cancelledText');
      break;
    case 'network':
      title = t('kiosk.queue.network');
      break;
    case 'server':
      title = problem.message;
      break;
    case 'unexpected':
      title = t('kiosk.queue.unexpected');
      break;
  }
  return (
    <div className="status error queue-problem" role="alert" data-testid="queue-error" data-kind={problem.kind}>
      <Icon name="warning" size={40} />
      <div className="queue-problem-body">
        <p className="queue-problem-title">{title}</p>
        {text && <p>{text}</p>}
        <p className="queue-problem-help">{t('kiosk.queue.askStaff')}</p>
        {children}
      </div>
    </div>
  );
}

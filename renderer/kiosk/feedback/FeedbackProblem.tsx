import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { Icon } from '../../shared/Icon.js';

export type FeedbackProblemKind = 'not-found' | 'network' | 'server' | 'unexpected';

export function problemKind(err: unknown): FeedbackProblemKind {
  if (err instanceof ApiError) {
    if (err.code === 'NOT_FOUND') return 'not-found';
    if (err.code === 'NETWORK') return 'network';
    return err.fromServer ? 'server' : 'unexpected';
  }
  const name = (err as { name?: string } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError' ? 'network' : 'unexpected';
}

/**
 * A failed opinion, lookup or rating call in plain words. `notFound` is the screen's own
 * explanation of NOT_FOUND (a lookup never says which part was wrong).
 */
export function FeedbackProblem({ error, notFound }: { error: unknown; notFound: string }) {
  const { t } = useTranslation();
  const kind = problemKind(error);
  const text =
    kind === 'not-found'
      ? notFound
      : kind === 'network'
        ? t('kiosk.feedback.network')
        : kind === 'server'
          ? (error as ApiError).message
          : t('kiosk.feedback.unexpected');
  return (
    <div className="status error feedback-problem" role="alert" data-testid="feedback-error" data-kind={kind}>
      <Icon name="warning" size={40} />
      <div>
        <p className="feedback-problem-title">{text}</p>
        <p className="feedback-problem-help">{t('kiosk.feedback.askStaff')}</p>
      </div>
    </div>
  );
}

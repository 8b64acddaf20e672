import { useTranslation } from 'react-i18next';
import type { QueueConflict } from '../../core/contract/queue.js';

/**
 * A call of this counter that the central server set aside for another counter's (both acted while
 * offline): said in words until the clerk has read it, so nobody waits for a visitor who went elsewhere.
 */
export function ConflictNotice({ conflicts, busy, onRead }: { conflicts: QueueConflict[]; busy: boolean; onRead: (id: string) => void }) {
  const { t } = useTranslation();
  if (!conflicts.length) return null;
  return (
    <div className="conflict-notice" role="alert" data-testid="conflict-notice">
      {conflicts.map((c) => (
        <p key={c.id} data-testid={`conflict-${c.number}`}>
          <strong>{t(`counter.conflict.${c.kind}`, { number: c.number, kept: c.keptCounter })}</strong>
          <button type="button" className="btn ghost" disabled={busy} data-testid={`conflict-read-${c.number}`} onClick={() => onRead(c.id)}>
            {t('counter.conflict.read')}
          </button>
        </p>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { QueueConflict } from '../../core/contract/queue.js';
import { clockTime } from './hallZone.js';

/**
 * Conflicts between counters as a table, for the terminal's /status and the supervision pages: the
 * ticket, what happened in words, the counter that keeps it, the one whose call was set aside, and
 * when that call was made on the hall's clock. Rows carry `<testid>` with data-number and data-kind.
 */
export function QueueConflictTable({ conflicts, zone, className, testid }: { conflicts: QueueConflict[]; zone: string; className: string; testid: string }) {
  const { t } = useTranslation();
  const counter = (no: number) => t('queueConflicts.counter', { no });
  return (
    <table className={className} data-testid={`${testid}s`}>
      <thead>
        <tr>
          <th scope="col">{t('queueConflicts.number')}</th>
          <th scope="col">{t('queueConflicts.kindCol')}</th>
          <th scope="col">{t('queueConflicts.kept')}</th>
          <th scope="col">{t('queueConflicts.lost')}</th>
          <th scope="col">{t('queueConflicts.at')}</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => (
          <tr key={c.id} data-testid={testid} data-number={c.number} data-kind={c.kind}>
            <th scope="row">{c.number}</th>
            <td>{t(`queueConflicts.kind.${c.kind}`)}</td>
            <td>{counter(c.keptCounter)}</td>
            <td>{counter(c.lostCounter)}</td>
            <td>{clockTime(c.lostAt, zone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

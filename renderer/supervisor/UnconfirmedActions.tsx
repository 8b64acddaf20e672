import { useTranslation } from 'react-i18next';
import type { UnconfirmedAction } from '../../core/contract/supervision-api.js';
import { clockTime } from '../shared/hallZone.js';

/** Queue actions no server-issued counter session vouched for (issue 11): each marked offline, its clerk unconfirmed. */
export function UnconfirmedActions({ actions, zone }: { actions: UnconfirmedAction[]; zone: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('supervisor.queue.unconfirmed')}</h4>
      <p className="sv-muted">{t('supervisor.queue.unconfirmedHint')}</p>
      {actions.length === 0 ? (
        <p className="sv-empty" data-testid="sv-queue-unconfirmed-none">
          {t('supervisor.queue.unconfirmedNone')}
        </p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="sv-queue-unconfirmed">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.queue.at')}</th>
                <th scope="col">{t('supervisor.queue.counterCol')}</th>
                <th scope="col">{t('supervisor.queue.actionCol')}</th>
                <th scope="col">{t('supervisor.queue.numberCol')}</th>
                <th scope="col">{t('supervisor.queue.staffCol')}</th>
                <th scope="col">{t('supervisor.queue.receivedCol')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.actionId} data-testid="sv-queue-unconfirmed-action" data-action={a.actionId}>
                  <td>{clockTime(a.at, zone)}</td>
                  <th scope="row">{t('queueConflicts.counter', { no: a.counterNo })}</th>
                  <td>{t(`supervisor.queue.actionName.${a.action}`, { defaultValue: a.action })}</td>
                  <td>{a.number ?? '–'}</td>
                  <td>
                    {a.staffNumber} ({a.staff}) <span className="sv-flag overdue" data-testid="sv-offline-mark">{t('supervisor.queue.offlineMark')}</span>
                  </td>
                  <td>{clockTime(a.receivedAt, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/contract/common.js';
import type { SyncStatusView } from '../../core/contract/hall-api.js';
import { syncProblemOf } from '../../core/common/sync-problem.js';
import { DEFAULT_HALL_CODE, OFFICE_TERMINAL_NAME } from '../../core/contract/office-names.js';
import type { SyncProblem } from '../../core/contract/sync-problem.js';
import { QueueConflictTable } from '../shared/QueueConflicts.js';
import { absoluteTime, clockDirection, duration, relativeTime } from './format.js';

export interface StatusViewProps {
  status: SyncStatusView;
  lang: Lang;
  now: Date;
}

function When({ iso, lang, now, zone, testid }: { iso: string; lang: Lang; now: Date; zone: string; testid: string }) {
  return (
    <span data-testid={testid}>
      <strong>{relativeTime(iso, now, lang)}</strong> <span className="sync-abs">({absoluteTime(iso, lang, zone)})</span>
    </span>
  );
}

function Clock({ clock, lang }: { clock: SyncStatusView['clock']; lang: Lang }) {
  const { t } = useTranslation();
  if (clock.state === 'unknown' || clock.offsetMs === null) return <p data-testid="status-clock">{t('statusScreen.clockUnknown')}</p>;
  const offset = duration(clock.offsetMs, lang);
  const bound = duration(clock.boundMs, lang);
  if (clock.state === 'ok') {
    return (
      <p data-testid="status-clock" className="sync-ok">
        {t('statusScreen.clockOk', { offset, bound })}
      </p>
    );
  }
  return (
    <div className="sync-warning" role="alert" data-testid="status-clock">
      <p className="sync-warning-main" data-testid="status-clock-warning">
        {t('statusScreen.clockDrifted', { offset })}
      </p>
      <p>
        {t(clockDirection(clock.offsetMs) === 'ahead' ? 'statusScreen.clockAhead' : 'statusScreen.clockBehind', { offset })} {t('statusScreen.clockBound', { bound })}
      </p>
    </div>
  );
}

/** Why the terminal does not sync, in a sentence with what to do; the code under it for the administrator. */
function Problem({ problem }: { problem: SyncProblem }) {
  const { t } = useTranslation();
  return (
    <div className="sync-warning" role="alert" data-testid="status-problem" data-reason={problem.reason}>
      <p className="sync-problem-text" data-testid="status-problem-text">
        {t(`statusScreen.problem.${problem.reason}`, { url: problem.serverUrl, code: problem.code })}
      </p>
      <p className="sync-note">
        {t('statusScreen.problemCode')} <code lang="en">{problem.code}</code>
      </p>
    </div>
  );
}

/** The sync health of this terminal, as staff read it. */
export function StatusView({ status, lang, now }: StatusViewProps) {
  const { t } = useTranslation();
  const { terminal } = status;
  return (
    <div className="sync-grid">
      <section className="sync-card" aria-labelledby="sync-connection">
        <h2 id="sync-connection">{t('statusScreen.connection')}</h2>
        <p className={`sync-badge ${status.online ? 'on' : 'off'}`} data-testid="status-online" data-online={status.online}>
          <span aria-hidden="true">{status.online ? '●' : '○'}</span> {status.online ? t('statusScreen.online') : t('statusScreen.offline')}
        </p>
        {status.problem && <Problem problem={status.problem} />}
        {!status.online && <p className="sync-note">{t('statusScreen.offlineNote')}</p>}
      </section>

      <section className="sync-card" aria-labelledby="sync-terminal">
        <h2 id="sync-terminal">{t('statusScreen.terminal')}</h2>
        {status.enrolled && terminal ? (
          <dl className="sync-facts" data-testid="status-terminal">
            <dt>{t('statusScreen.terminalName')}</dt>
            <dd data-testid="status-terminal-name">{terminal.name === OFFICE_TERMINAL_NAME ? t('statusScreen.officeTerminal') : terminal.name}</dd>
            <dt>{t('statusScreen.hall')}</dt>
            <dd data-testid="status-terminal-hall">
              {terminal.hall === DEFAULT_HALL_CODE && <span className="sync-hall-name">{t('statusScreen.defaultHall')} </span>}
              <span className="sync-code">
                {t('statusScreen.hallCode')} <code lang="en">{terminal.hall}</code>
              </span>
            </dd>
            <dt>{t('statusScreen.ticketPrefix')}</dt>
            <dd data-testid="status-terminal-prefix">{terminal.ticketPrefix ?? t('statusScreen.noPrefix')}</dd>
          </dl>
        ) : (
          <p className="sync-warning" role="alert" data-testid="status-not-enrolled">
            {t('statusScreen.notEnrolled')}
          </p>
        )}
      </section>

      <section className="sync-card" aria-labelledby="sync-upload">
        <h2 id="sync-upload">{t('statusScreen.upload')}</h2>
        <p data-testid="status-backlog" data-count={status.backlog}>
          {status.backlog === 0 ? t('statusScreen.backlogNone') : t('statusScreen.backlog', { count: status.backlog })}
        </p>
        <h3>{t('statusScreen.lastSync')}</h3>
        <p>{status.lastSyncAt ? <When iso={status.lastSyncAt} lang={lang} now={now} zone={status.timeZone} testid="status-last-sync" /> : <span data-testid="status-last-sync">{t('statusScreen.never')}</span>}</p>
        <h3>{t('statusScreen.lastError')}</h3>
        <p className={status.lastError ? 'sync-error-text' : undefined} data-testid="status-last-error">
          {status.lastError ? (
            <>
              {t(`statusScreen.problemShort.${syncProblemOf(status.lastError)}`)} <code lang="en">({status.lastError})</code>
            </>
          ) : (
            t('statusScreen.noError')
          )}
        </p>
      </section>

      <section className="sync-card" aria-labelledby="sync-clock">
        <h2 id="sync-clock">{t('statusScreen.clock')}</h2>
        <Clock clock={status.clock} lang={lang} />
        {status.clock.measuredAt && <p className="sync-note">{t('statusScreen.measuredAt', { time: absoluteTime(status.clock.measuredAt, lang, status.timeZone) })}</p>}
      </section>

      <section className="sync-card wide" aria-labelledby="sync-conflicts">
        <h2 id="sync-conflicts">
          {t('statusScreen.conflicts')} <span data-testid="status-conflict-count" data-count={status.conflicts.length}>({status.conflicts.length})</span>
        </h2>
        {status.conflicts.length === 0 ? (
          <p data-testid="status-conflicts-none">{t('statusScreen.conflictsNone')}</p>
        ) : (
          <>
            <p className="sync-note">{t('queueConflicts.rule')}</p>
            <QueueConflictTable conflicts={status.conflicts} zone={status.timeZone} className="sync-table" testid="status-conflict" />
          </>
        )}
      </section>

      <section className="sync-card wide" aria-labelledby="sync-dead">
        <h2 id="sync-dead">
          {t('statusScreen.deadLetters')} <span data-testid="status-dead-count">({status.deadLetters.length})</span>
        </h2>
        {status.deadLetters.length === 0 ? (
          <p data-testid="status-dead-none">{t('statusScreen.deadNone')}</p>
        ) : (
          <>
            <p className="sync-note">{t('statusScreen.deadHint')}</p>
            <table className="sync-table" data-testid="status-dead-letters">
              <thead>
                <tr>
                  <th scope="col">{t('statusScreen.seq')}</th>
                  <th scope="col">{t('statusScreen.type')}</th>
                  <th scope="col">{t('statusScreen.createdAt')}</th>
                  <th scope="col">{t('statusScreen.deadAt')}</th>
                  <th scope="col">{t('statusScreen.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {status.deadLetters.map((d) => (
                  <tr key={d.deviceSeq} data-testid="status-dead-letter" data-seq={d.deviceSeq}>
                    <td>{d.deviceSeq}</td>
                    <td>
                      <code>{d.type}</code>
                    </td>
                    <td>{absoluteTime(d.createdAt, lang, status.timeZone)}</td>
                    <td>{absoluteTime(d.deadAt, lang, status.timeZone)}</td>
                    <td>{d.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}

/*
 * The sync status screen (/status) for staff on any terminal: connection, upload backlog, last sync,
 * last error, clock drift, enrollment, today's queue conflicts between the hall's counters and the
 * events the central server refused. Refreshes every few seconds and on `status` messages of
 * /api/live. `?lang=en|ru` switches the language.
 *
 * Test ids:
 *   status-screen                    the screen (<main>)
 *   status-refresh                   "refresh now" button (aria-busy, disabled while refreshing)
 *   status-updated                   when the shown data arrived
 *   status-loading, status-error     before the first answer / an error (also shown above old data)
 *   status-online                    connection (data-online="true|false")
 *   status-terminal, status-terminal-name, status-terminal-hall, status-terminal-prefix
 *   status-not-enrolled              shown instead when the terminal is not enrolled
 *   status-backlog                   events waiting for upload (data-count)
 *   status-last-sync, status-last-error
 *   status-clock, status-clock-warning   clock state; the warning only when drifted
 *   status-conflict-count (data-count), status-conflicts-none, status-conflicts, status-conflict
 *                                    today's queue conflicts of the hall (rows: data-number, data-kind)
 *   status-dead-count, status-dead-none, status-dead-letters, status-dead-letter (data-seq)
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../core/contract/common.js';
import { ApiError } from '../api/client.js';
import { useRefreshing } from '../hall/useRefreshing.js';
import { currentLang } from '../i18n/i18n.js';
import { useLive } from '../shared/useLive.js';
import { absoluteTime } from './format.js';
import { StatusView } from './StatusView.js';
import './status.css';

const REFRESH_MS = 5000;

function langParam(search: string): Lang | null {
  const l = new URLSearchParams(search).get('lang');
  return l && (LANGS as readonly string[]).includes(l) ? (l as Lang) : null;
}

export default function StatusApp() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const status = useRefreshing('syncStatus', {}, REFRESH_MS);
  const [manual, setManual] = useState(false);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const l = langParam(window.location.search);
    if (l && l !== currentLang(i18n)) void i18n.changeLanguage(l);
  }, [i18n]);

  // Relative times ("3 分钟前") move on between fetches too.
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    if (!status.busy) setManual(false);
  }, [status.busy]);

  useLive(
    (msg) => {
      if (msg.type === 'status') status.refetch();
    },
    { onOpen: status.refetch },
  );

  const refresh = () => {
    setManual(true);
    status.refetch();
  };

  const errorText = (err: unknown) => {
    if (err instanceof ApiError && err.fromServer) return err.message;
    if (err instanceof ApiError && err.code === 'NETWORK') return t('statusScreen.networkError');
    return t('statusScreen.unexpected');
  };

  return (
    <main className="sync-status" data-testid="status-screen">
      <header className="sync-header">
        <h1>{t('statusScreen.title')}</h1>
        {status.updatedAt && status.data && (
          <p className="sync-note" data-testid="status-updated">
            {t('statusScreen.updatedAt', { time: absoluteTime(status.updatedAt.toISOString(), lang, status.data.timeZone) })}
          </p>
        )}
        <button type="button" className="sync-refresh" onClick={refresh} disabled={manual} aria-busy={manual} data-testid="status-refresh">
          {manual ? t('statusScreen.refreshing') : t('statusScreen.refresh')}
        </button>
      </header>
      {status.error !== undefined && (
        <p className="sync-warning" role="alert" data-testid="status-error">
          {errorText(status.error)}
        </p>
      )}
      {status.data ? (
        <StatusView status={status.data} lang={lang} now={now} />
      ) : (
        status.error === undefined && (
          <p className="sync-note" role="status" data-testid="status-loading">
            {t('status.loading')}
          </p>
        )
      )}
    </main>
  );
}

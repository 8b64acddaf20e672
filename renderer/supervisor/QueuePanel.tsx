import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueDay } from '../../core/contract/supervision-api.js';
import { useRemote } from '../counter/useRemote.js';
import { clockTime } from '../shared/hallZone.js';
import { QueueConflictTable } from '../shared/QueueConflicts.js';
import { useHallCalendar, useSupervision } from './context.js';
import { LoadError } from './parts.js';
import { UnconfirmedActions } from './UnconfirmedActions.js';
import { DateField } from '../shared/DateField.js';

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

/** A day of the hall queue (issue 10): conflicts between counters, tickets not served, counters taken over with a supervisor's sign-in, actions taken offline (issue 11). */
export function QueuePanel() {
  const { t } = useTranslation();
  const client = useSupervision();
  const { today } = useHallCalendar();
  const [date, setDate] = useState(today);
  const ok = isDate(date);
  const day = useRemote((signal) => (ok ? client.call('queueDay', { date }, { signal }) : Promise.resolve(undefined)), `${date}|${ok}`);
  return (
    <section className="sv-card" aria-labelledby="sv-queue-h">
      <h2 id="sv-queue-h">{t('supervisor.queue.title')}</h2>
      <p className="sv-muted">{t('supervisor.queue.intro')}</p>
      <div className="sv-range sv-queue-controls" data-testid="sv-queue-day" data-date={date}>
        <label className="sv-field inline">
          <span>{t('supervisor.queue.date')}</span>
          <DateField data-testid="sv-queue-date" value={date} max={today} onChange={setDate} />
        </label>
        <button type="button" className={`sv-btn small${date === today ? ' primary' : ''}`} data-testid="sv-queue-today" aria-pressed={date === today} onClick={() => setDate(today)}>
          {t('supervisor.queue.today')}
        </button>
      </div>
      {day.error !== undefined && <LoadError error={day.error} onRetry={day.reload} />}
      {day.data && <QueueDayView day={day.data} />}
    </section>
  );
}

export function QueueDayView({ day }: { day: QueueDay }) {
  return (
    <>
      {day.halls.map((h) => (
        <QueueHall key={h.hall} hall={h} named={day.halls.length > 1} />
      ))}
    </>
  );
}

function QueueHall({ hall: h, named }: { hall: QueueDay['halls'][number]; named: boolean }) {
  const { t } = useTranslation();
  const { zone } = useHallCalendar();
  return (
    <section className="sv-queue-hall" data-testid="sv-queue-hall" data-hall={h.hall}>
      {named && <h3>{t('supervisor.queue.hall', { hall: h.hall })}</h3>}
      <dl className="sv-stats">
        <div className={`sv-stat${h.notServed > 0 ? ' bad' : ''}`}>
          <dt>{t('supervisor.queue.notServed')}</dt>
          <dd data-testid="sv-queue-not-served">{h.notServed}</dd>
        </div>
        <div className={`sv-stat${h.conflicts.length > 0 ? ' bad' : ''}`}>
          <dt>{t('supervisor.queue.conflicts')}</dt>
          <dd data-testid="sv-queue-conflict-count">{h.conflicts.length}</dd>
        </div>
      </dl>
      <p className="sv-muted sv-stat-note">{t('supervisor.queue.notServedHint')}</p>

      <h4>{t('supervisor.queue.conflicts')}</h4>
      {h.conflicts.length === 0 ? (
        <p className="sv-empty" data-testid="sv-queue-conflicts-none">
          {t('supervisor.queue.conflictsNone')}
        </p>
      ) : (
        <>
          <p className="sv-muted">{t('queueConflicts.rule')}</p>
          <div className="sv-table-wrap">
            <QueueConflictTable conflicts={h.conflicts} zone={zone} className="sv-table" testid="sv-queue-conflict" />
          </div>
        </>
      )}

      <h4>{t('supervisor.queue.overrides')}</h4>
      <p className="sv-muted">{t('supervisor.queue.overridesHint')}</p>
      {h.overrides.length === 0 ? (
        <p className="sv-empty" data-testid="sv-queue-overrides-none">
          {t('supervisor.queue.overridesNone')}
        </p>
      ) : (
        <div className="sv-table-wrap">
          <table className="sv-table" data-testid="sv-queue-overrides">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.queue.counterCol')}</th>
                <th scope="col">{t('supervisor.queue.clerk')}</th>
                <th scope="col">{t('supervisor.queue.by')}</th>
                <th scope="col">{t('supervisor.queue.at')}</th>
              </tr>
            </thead>
            <tbody>
              {h.overrides.map((o) => (
                <tr key={o.counterNo} data-testid="sv-queue-override" data-counter={o.counterNo}>
                  <th scope="row">{t('queueConflicts.counter', { no: o.counterNo })}</th>
                  <td>{o.staffName ?? o.staff}</td>
                  <td>{o.byName ?? o.by}</td>
                  <td>{clockTime(o.at, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <UnconfirmedActions actions={h.unconfirmed} zone={zone} />
    </section>
  );
}

import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLang, type Lang } from '../../core/contract/common.js';
import type { BoardView } from '../../core/contract/hall-api.js';
import { clockTime } from '../shared/hallZone.js';
import { recentCalls } from './board.js';
import { hallErrorText } from './errors.js';

export interface BoardScreenProps {
  view: BoardView | undefined;
  lang: Lang;
  /** Numbers called a moment ago, each with the id of its latest call: they flash (again on a recall). */
  flashing: ReadonlyMap<string, number>;
  /** The live channel dropped and is not back yet. */
  reconnecting: boolean;
  /** The last refetch failed (the board keeps showing what it had). */
  error: unknown;
  now: Date;
  /** The sound switch, drawn in the header. */
  controls?: ReactNode;
  /** The one-time sound prompt, a bar of its own under the header: it covers nothing. */
  prompt?: ReactNode;
}

/** How big the numbers can be: fewer counters, bigger numbers. */
function density(counters: number): 'large' | 'medium' | 'small' {
  if (counters <= 4) return 'large';
  return counters <= 8 ? 'medium' : 'small';
}

/** How many characters the number has: hall.css sizes it to fill its card and never more (T12-E018 as well as A012). */
function numberWidth(number: string | null): CSSProperties {
  return { '--hall-chars': Math.max(4, (number ?? '—').length) } as CSSProperties;
}

function Arrow() {
  return (
    <span className="hall-arrow" aria-hidden="true">
      →
    </span>
  );
}

/** The call board as drawn; HallApp feeds it. */
export function BoardScreen({ view, lang, flashing, reconnecting, error, now, controls, prompt }: BoardScreenProps) {
  const { t } = useTranslation();
  // The hall's clock, known once the board has answered; never the browser's own zone.
  const timeZone = view?.timeZone;
  const clock = timeZone && clockTime(now.toISOString(), timeZone);
  const date = timeZone && new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', weekday: 'long', timeZone }).format(now);

  const header = (
    <header className="hall-header">
      <h1 data-testid="hall-title">{t('hall.title')}</h1>
      <div className="hall-marks">
        {reconnecting && (
          <span className="hall-mark" data-testid="hall-reconnecting" role="status">
            {t('hall.reconnecting')}
          </span>
        )}
        {view && error !== undefined && !reconnecting && (
          <span className="hall-mark" data-testid="hall-stale" role="status">
            {t('hall.stale')}
          </span>
        )}
        {view && !view.online && (
          <span className="hall-mark" data-testid="hall-offline">
            {t('hall.offline')}
          </span>
        )}
      </div>
      {controls}
      {timeZone && (
        <div className="hall-clock">
          <time data-testid="hall-clock">{clock}</time>
          <span className="hall-date" data-testid="hall-date">
            {date}
          </span>
        </div>
      )}
    </header>
  );

  if (!view) {
    return (
      <main className="hall" data-testid="hall-board" lang={lang}>
        {header}
        <div className="hall-placeholder">
          {error === undefined ? (
            <p role="status" data-testid="hall-loading">
              {t('status.loading')}
            </p>
          ) : (
            <p role="alert" data-testid="hall-error">
              {hallErrorText(error, t)}
            </p>
          )}
          {prompt}
        </div>
      </main>
    );
  }

  const recent = recentCalls(view.recent);
  return (
    <main className="hall" data-testid="hall-board" lang={lang} data-density={density(view.counters.length)}>
      {header}
      {prompt}
      <section className="hall-current" aria-labelledby="hall-current-title">
        <h2 id="hall-current-title">{t('hall.current')}</h2>
        <ul className="hall-counters" data-testid="hall-counters">
          {view.counters.map((c) => (
            <li
              key={`${c.counterNo}:${c.number ?? ''}:${(c.number !== null && flashing.get(c.number)) || ''}`}
              className={`hall-call${c.number === null ? ' idle' : ''}${c.presence !== 'open' ? ` ${c.presence}` : ''}${c.number !== null && flashing.has(c.number) ? ' flash' : ''}`}
              data-testid={`hall-counter-${c.counterNo}`}
              data-presence={c.presence}
              style={numberWidth(c.number)}
            >
              <span className="hall-number" data-testid={`hall-counter-${c.counterNo}-number`}>
                {c.number ?? '—'}
              </span>
              <span className="hall-to">
                <Arrow />
                <span className="hall-window">{t('hall.counter', { n: c.counterNo })}</span>
              </span>
              {c.presence === 'open' ? (
                c.number === null && <span className="visually-hidden">{t('hall.free')}</span>
              ) : (
                <span className="hall-state" data-testid={`hall-counter-${c.counterNo}-state`}>
                  {t(c.presence === 'closed' ? 'hall.closed' : 'hall.away')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <aside className="hall-recent" aria-labelledby="hall-recent-title">
        <h2 id="hall-recent-title">{t('hall.recent')}</h2>
        {recent.length === 0 ? (
          <p className="hall-empty" data-testid="hall-recent-empty">
            {t('hall.noCalls')}
          </p>
        ) : (
          <ol className="hall-recent-list" data-testid="hall-recent">
            {recent.map((r) => (
              <li key={`${r.number}:${flashing.get(r.number) ?? ''}`} className={flashing.has(r.number) ? 'flash' : undefined} data-testid="hall-recent-item" data-number={r.number}>
                <span className="hall-number">{r.number}</span>
                <Arrow />
                <span className="hall-window">{t('hall.counter', { n: r.counterNo })}</span>
              </li>
            ))}
          </ol>
        )}
      </aside>
      <footer className="hall-waiting" aria-labelledby="hall-waiting-title">
        <h2 id="hall-waiting-title">{t('hall.waitingTitle')}</h2>
        <ul data-testid="hall-waiting">
          {view.waiting.map((w) => (
            <li key={w.service} data-testid={`hall-waiting-${w.service}`}>
              <span className="hall-line-code">{w.service}</span>
              <span className="hall-line-name">{pickLang(w.name, lang)}</span>
              <span className="hall-line-count" data-testid={`hall-waiting-${w.service}-count`}>
                {t('hall.waiting', { count: w.count })}
              </span>
            </li>
          ))}
        </ul>
      </footer>
    </main>
  );
}

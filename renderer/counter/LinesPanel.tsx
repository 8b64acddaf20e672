import { useTranslation } from 'react-i18next';
import { pickLang } from '../../core/contract/common.js';
import type { CounterQueue } from '../../core/contract/hall-api.js';
import { currentLang } from '../i18n/i18n.js';
import { lineNote, waitingMinutes } from './queueView.js';

/** The counter's lines with their AB role, people waiting, and every waiting ticket. */
export function LinesPanel({ queue, now }: { queue: CounterQueue; now: number }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  return (
    <section className="panel lines-panel" aria-labelledby="lines-title" data-testid="lines-panel">
      <h2 id="lines-title">{t('counter.lines.title')}</h2>
      {queue.lines.length === 0 && <p className="empty">{t('counter.lines.none')}</p>}
      {queue.lines.map((line) => (
        <article key={line.code} className={`line ${line.active ? 'active' : 'inactive'}`} data-testid="line" data-line={line.code} data-role={line.role} data-active={line.active}>
          <header className="line-head">
            <span className="line-code">{line.code}</span>
            <span className="line-name" data-testid="line-name">
              {pickLang(line.name, lang)}
            </span>
            <span className={`role-badge role-${line.role}`} data-testid="line-role">
              {t(line.role === 'A' ? 'counter.lines.roleA' : 'counter.lines.roleB')}
            </span>
            <span className="line-count" data-testid="line-waiting-count">
              {t('counter.lines.waiting', { count: line.waiting.length })}
            </span>
          </header>
          <p className="line-note" data-testid="line-note">
            {t(`counter.lines.note.${lineNote(line, queue.presence)}`)}
          </p>
          {line.waiting.length > 0 && (
            <ol className="waiting-list">
              {line.waiting.map((ticket) => (
                <li key={ticket.id} data-testid="waiting-ticket" data-number={ticket.number} className={ticket.appointmentFlag ? 'flagged' : undefined}>
                  <span className="ticket-number">{ticket.number}</span>
                  <span className="ticket-who">{ticket.enterprise ?? t('counter.lines.walkIn')}</span>
                  {ticket.offline && <span className="tag">{t('counter.lines.offlineTicket')}</span>}
                  {ticket.appointmentFlag && (
                    <span className="tag warn" data-testid="appointment-flag" data-flag={ticket.appointmentFlag} title={t(`counter.appointmentFlag.note.${ticket.appointmentFlag}`)}>
                      {t(`counter.appointmentFlag.tag.${ticket.appointmentFlag}`)}
                    </span>
                  )}
                  <span className="ticket-wait">{t('counter.lines.waited', { count: waitingMinutes(ticket.issuedAt, now) })}</span>
                </li>
              ))}
            </ol>
          )}
        </article>
      ))}
      {queue.counters.length > 0 && (
        <div className="presence-list" data-testid="counter-presence-list">
          <h3>{t('counter.presence.others')}</h3>
          <ul>
            {queue.counters.map((c) => (
              <li key={c.counterNo} data-testid="counter-presence" data-counter={c.counterNo} data-state={c.state}>
                <span>{t('counter.counterNo', { no: c.counterNo })}</span>
                <span>{c.staffName ?? '—'}</span>
                <span className={`presence-badge ${c.state}`}>{t(`counter.presence.state.${c.state}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

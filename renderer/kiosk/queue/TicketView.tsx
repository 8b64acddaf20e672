import { useTranslation } from 'react-i18next';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { clockTime, useHallZone } from '../../shared/hallZone.js';
import { Icon } from '../../shared/Icon.js';
import { QrCode } from '../../shared/QrCode.js';
import { MoreCue } from '../components/MoreCue.js';
import { useSeen } from '../components/useSeen.js';
import { slipAdvice } from './printer.js';

/**
 * The issued ticket, shown until the visitor taps "done" or the idle timer resets the kiosk: the
 * number large enough to read and photograph, where to go, how many are ahead, and what became of the slip.
 */
export function TicketView({ issued, kind, onDone }: { issued: IssuedTicket; kind: 'ticket' | 'checkin'; onDone: () => void }) {
  const { t } = useTranslation();
  const { ticket } = issued;
  const zone = useHallZone();
  const advice = slipAdvice(issued.print);
  const [endRef, endSeen] = useSeen<HTMLSpanElement>(true);
  const slipText: Record<IssuedTicket['print'], string> = {
    queued: t('kiosk.queue.slipQueued'),
    'no-printer': t('kiosk.queue.slipNoPrinter'),
    'printer-down': t('kiosk.queue.slipPrinterDown'),
    skipped: t('kiosk.queue.slipSkipped'),
  };
  return (
    <section className="screen ticket-screen" data-testid="ticket-view" aria-labelledby="ticket-title">
      <h1 id="ticket-title" className="ticket-title">
        {kind === 'checkin' ? t('kiosk.checkin.success') : t('kiosk.queue.issued')}
      </h1>
      <div className="ticket-card">
        <p className="ticket-kicker">{t('kiosk.queue.yourNumber')}</p>
        <p className="ticket-number" data-testid="ticket-number">
          {ticket.number}
        </p>
        <dl className="ticket-facts">
          <div className="ticket-fact">
            <dt>{t('kiosk.queue.line')}</dt>
            <dd data-testid="ticket-line">{issued.serviceName}</dd>
          </div>
          <div className="ticket-fact">
            <dt>{t('kiosk.queue.counterArea')}</dt>
            <dd data-testid="ticket-area">{issued.counterArea}</dd>
          </div>
          <div className="ticket-fact">
            <dt>{t('kiosk.queue.ahead')}</dt>
            <dd data-testid="ticket-ahead">{issued.ahead === 0 ? t('kiosk.queue.aheadNone') : t('kiosk.queue.people', { count: issued.ahead })}</dd>
          </div>
          {zone && (
            <div className="ticket-fact">
              <dt>{t('kiosk.queue.time')}</dt>
              <dd data-testid="ticket-time">{clockTime(ticket.issuedAt, zone)}</dd>
            </div>
          )}
          {ticket.enterprise && (
            <div className="ticket-fact wide">
              <dt>{t('kiosk.checkin.enterprise')}</dt>
              <dd data-testid="ticket-enterprise">{ticket.enterprise}</dd>
            </div>
          )}
        </dl>
        <div className="ticket-qr" data-testid="ticket-qr">
          <QrCode text={issued.qr} label={t('kiosk.queue.qrLabel', { number: ticket.number })} size={200} />
          <p>{t('kiosk.queue.qrHint')}</p>
        </div>
        <div className="ticket-rating" data-testid="ticket-rating">
          <p className="ticket-rating-code">
            <span>{t('kiosk.queue.ratingCode')}</span>
            <strong data-testid="ticket-rating-code">{issued.ratingCode}</strong>
          </p>
          <p className="ticket-rating-hint">{t('kiosk.queue.ratingCodeHint')}</p>
        </div>
      </div>

      <div className="ticket-notes">
        {ticket.offline && (
          <div className="ticket-note offline" role="note" data-testid="ticket-offline">
            <Icon name="warning" size={36} />
            <p>{t('kiosk.queue.offlineTicket')}</p>
          </div>
        )}
        <div className={`ticket-note slip ${advice}`} role="status" data-testid="ticket-print" data-print={issued.print}>
          <Icon name={advice === 'take-slip' ? 'chevron' : advice === 'on-screen' ? 'eye' : 'warning'} size={36} />
          <p>{slipText[issued.print]}</p>
        </div>
      </div>

      <p className="ticket-listen">{t('kiosk.queue.listen')}</p>

      {/* "Done" stays in sight at the bottom when the ticket is taller than the screen (landscape, elderly mode). */}
      <div className="ticket-footer sticky-actions">
        {!endSeen && <MoreCue testid="ticket-more" />}
        <button type="button" className="button primary ticket-done" data-testid="ticket-done" onClick={onDone}>
          {t('kiosk.queue.done')}
        </button>
      </div>
      <span ref={endRef} className="screen-end" aria-hidden="true" />
    </section>
  );
}

/*
 * Take a ticket (/kiosk/ticket) — test ids:
 *   queue-line (data-code = line letter, aria-busy while issuing), line-waiting, lines-offline, lines-empty, lines-retry,
 *   printer-warning, printer-down-notice, ticket-on-screen, printer-cancel, queue-error (data-kind),
 *   and the ticket (TicketView): ticket-view, ticket-number, ticket-line, ticket-area, ticket-ahead,
 *   ticket-time, ticket-enterprise, ticket-qr, ticket-offline, ticket-print (data-print), ticket-done.
 * Home: home-take-ticket, home-checkin. Check-in and the checklist button list theirs in their own files.
 */
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { Loading } from '../components/Status.js';
import { useSession } from '../state.js';
import { LinesView, PrinterDownNotice } from './LinesView.js';
import { printerDown } from './printer.js';
import { ProblemMessage } from './ProblemMessage.js';
import { TicketView } from './TicketView.js';
import { useTakeTicket } from './useTakeTicket.js';
import { useQueueRoute } from './useQueueRoute.js';

export function TakeTicketScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const session = useSession();
  const lines = useQueueRoute('queueLines', { lang });
  const printer = useApi('printerStatus', {});
  const { action, chosen, askPrinter, issued, issue, cancel } = useTakeTicket(lang);

  if (issued) return <TicketView issued={issued} kind="ticket" onDone={session.reset} />;

  return (
    <section className="screen take-ticket" data-testid="take-ticket">
      <ScreenHeader title={t('kiosk.queue.title')} back>
        <p className="lead">{t('kiosk.queue.lead')}</p>
      </ScreenHeader>
      {action.error !== undefined && <ProblemMessage error={action.error} />}
      {askPrinter && chosen ? (
        <PrinterDownNotice
          line={chosen}
          busy={action.busy}
          onScreen={() => void issue(chosen, false)}
          onCancel={cancel}
        />
      ) : lines.data ? (
        <LinesView
          lines={lines.data.lines}
          online={lines.data.online}
          printerDown={printer.data !== undefined && printerDown(printer.data)}
          busyCode={action.busy && chosen ? chosen.code : null}
          onChoose={(line) => void issue(line, true)}
        />
      ) : lines.error !== undefined ? (
        <>
          <ProblemMessage error={lines.error} />
          <button type="button" className="button big" data-testid="lines-retry" disabled={lines.loading} aria-busy={lines.loading} onClick={lines.reload}>
            {lines.loading ? t('status.loading') : t('kiosk.queue.retry')}
          </button>
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}

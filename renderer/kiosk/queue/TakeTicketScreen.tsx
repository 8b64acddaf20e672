/*
 * Take a ticket (/kiosk/ticket) — test ids:
 *   queue-line (data-code = line letter, aria-busy while issuing), line-waiting, lines-offline, lines-empty, lines-retry,
 *   printer-warning, printer-down-notice, ticket-on-screen, printer-cancel, queue-error (data-kind),
 *   and the ticket (TicketView): ticket-view, ticket-number, ticket-line, ticket-area, ticket-ahead,
 *   ticket-time, ticket-enterprise, ticket-qr, ticket-offline, ticket-print (data-print), ticket-done.
 * Home: home-take-ticket, home-checkin. Check-in and the checklist button list theirs in their own files.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { useClient } from '../../api/context.js';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';
import { ScreenHeader } from '../components/ScreenHeader.js';
import { Loading } from '../components/Status.js';
import { useSession } from '../state.js';
import { LinesView, PrinterDownNotice, type Line } from './LinesView.js';
import { printerDown } from './printer.js';
import { ProblemMessage } from './ProblemMessage.js';
import { TicketView } from './TicketView.js';
import { useAction } from './useAction.js';
import { useQueueLines } from './useQueueLines.js';

export function TakeTicketScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const client = useClient();
  const session = useSession();
  const lines = useQueueLines(lang);
  const printer = useApi('printerStatus', {});
  const action = useAction();
  const [chosen, setChosen] = useState<Line | null>(null);
  const [askPrinter, setAskPrinter] = useState(false);
  const [issued, setIssued] = useState<IssuedTicket | null>(null);

  if (issued) return <TicketView issued={issued} kind="ticket" onDone={session.reset} />;

  const issue = (line: Line, print: boolean) =>
    action.run(async (signal) => {
      setChosen(line);
      if (print) {
        // Asked afresh on every tap: the banner's answer may be minutes old. No answer: try printing.
        // A kiosk with no printer configured goes straight on: its tickets are shown on screen.
        const status = await client.call('printerStatus', {}, { signal }).catch(() => null);
        if (status && printerDown(status)) {
          setAskPrinter(true);
          return;
        }
      }
      setIssued(await client.call('takeTicket', { body: { service: line.code, lang, print } }, { signal }));
    });

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
          onCancel={() => {
            setAskPrinter(false);
            setChosen(null);
            action.clearError();
          }}
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

/*
 * Where a procedure is served, on its page — test ids: procedure-service, procedure-line,
 * procedure-counter (data-counter, data-state = open/away/closed), procedure-take-ticket,
 * procedure-checkin, procedure-replacement; the ticket then shows as on the take-ticket screen.
 */
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../core/contract/procedures.js';
import { useEffect } from 'react';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { currentLang } from '../../i18n/i18n.js';
import { Link } from '../../shared/Link.js';
import { PrinterDownNotice } from '../queue/LinesView.js';
import { ProblemMessage } from '../queue/ProblemMessage.js';
import { useQueueRoute } from '../queue/useQueueRoute.js';
import { useTakeTicket } from '../queue/useTakeTicket.js';
import { kioskPath } from '../routes.js';

/** `onIssued`: the page then shows the ticket alone, as the take-ticket screen does. */
export function ProcedureService({ p, onIssued }: { p: ProcedureDetail; onIssued: (issued: IssuedTicket) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const where = useQueueRoute('procedureLine', { id: p.id, lang });
  const { action, chosen, askPrinter, issued, issue, cancel } = useTakeTicket(lang);
  useEffect(() => {
    if (issued) onIssued(issued);
  }, [issued, onIssued]);

  if (p.abolished) {
    const to = p.abolished.replacedBy;
    return to ? (
      <div className="procedure-service" data-testid="procedure-service">
        <Link to={kioskPath.procedure(to.id)} className="button primary big" data-testid="procedure-replacement">
          {t('kiosk.procedureService.seeReplacement', { name: to.name })}
        </Link>
      </div>
    ) : null;
  }
  const line = where.data?.line;
  return (
    <section className="procedure-service" data-testid="procedure-service" aria-labelledby="procedure-service-h">
      <h2 id="procedure-service-h" className="procedure-service-title">
        {t('kiosk.procedureService.title')}
      </h2>
      {where.data && !line && <p data-testid="procedure-line">{t('kiosk.procedureService.noLine')}</p>}
      {line && (
        <>
          <p className="procedure-line" data-testid="procedure-line">
            {t('kiosk.procedureService.line', { name: line.name })}
            <span className="procedure-line-waiting"> · {t('kiosk.queue.waiting', { count: line.waiting })}</span>
          </p>
          <ul className="procedure-counters" aria-label={t('kiosk.procedureService.counters')}>
            {line.counters.map((c) => (
              <li key={c.counterNo} className={`procedure-counter ${c.state}`} data-testid="procedure-counter" data-counter={c.counterNo} data-state={c.state}>
                <span className="procedure-counter-no">{t('kiosk.procedureService.counter', { n: c.counterNo })}</span>
                <span className="procedure-counter-state">{t(`kiosk.procedureService.state.${c.state}`)}</span>
              </li>
            ))}
          </ul>
          {line.counters.length > 0 && line.counters.every((c) => c.state !== 'open') && <p className="note">{t('kiosk.procedureService.allClosed')}</p>}
        </>
      )}
      {action.error !== undefined && <ProblemMessage error={action.error} />}
      {askPrinter && chosen ? (
        <PrinterDownNotice line={chosen} busy={action.busy} onScreen={() => void issue(chosen, false)} onCancel={cancel} />
      ) : (
        <div className="procedure-service-actions">
          {line && (
            <button
              type="button"
              className="button primary big"
              data-testid="procedure-take-ticket"
              disabled={action.busy}
              aria-busy={action.busy}
              onClick={() => void issue({ code: line.code, name: line.name }, true)}
            >
              {action.busy ? t('kiosk.queue.issuing') : t('kiosk.procedureService.takeTicket')}
            </button>
          )}
          <Link to={kioskPath.checkin()} className="button big" data-testid="procedure-checkin">
            {t('kiosk.procedureService.haveAppointment')}
          </Link>
        </div>
      )}
    </section>
  );
}


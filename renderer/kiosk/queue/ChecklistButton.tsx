/*
 * "Print checklist" on a procedure's detail — test ids: print-checklist (aria-busy while asking),
 * checklist-status (data-state: printing | unavailable), queue-error.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/context.js';
import { currentLang } from '../../i18n/i18n.js';
import { Icon } from '../../shared/Icon.js';
import { printerReady } from './printer.js';
import { ProblemMessage } from './ProblemMessage.js';
import { useAction } from './useAction.js';

export function ChecklistButton({ procedureId }: { procedureId: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const action = useAction();
  const [outcome, setOutcome] = useState<'printing' | 'unavailable' | null>(null);

  const print = () =>
    action.run(async (signal) => {
      setOutcome(null);
      const out = await client.call('printChecklist', { id: procedureId, body: { lang: currentLang(i18n) } }, { signal });
      setOutcome(out.jobId !== null && printerReady(out.printer) ? 'printing' : 'unavailable');
    });

  return (
    <div className="checklist-print">
      <button type="button" className="button big" data-testid="print-checklist" disabled={action.busy} aria-busy={action.busy} onClick={() => void print()}>
        <Icon name="text" />
        <span>{action.busy ? t('kiosk.queue.checklistSending') : t('kiosk.queue.checklistPrint')}</span>
      </button>
      {outcome && (
        <p className={`checklist-status ${outcome}`} role="status" data-testid="checklist-status" data-state={outcome}>
          {outcome === 'printing' ? t('kiosk.queue.checklistPrinting') : t('kiosk.queue.checklistUnavailable')}
        </p>
      )}
      {action.error !== undefined && <ProblemMessage error={action.error} />}
    </div>
  );
}

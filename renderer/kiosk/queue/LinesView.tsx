import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { QueueLine } from '../../../core/contract/hall-api.js';
import { Icon } from '../../shared/Icon.js';

export type Line = z.infer<typeof QueueLine>;

/** The queue lines as big buttons: letter, name, where to go, people waiting. */
export function LinesView({
  lines,
  online,
  printerDown,
  busyCode,
  onChoose,
}: {
  lines: Line[];
  online: boolean;
  printerDown: boolean;
  /** The line whose ticket is being issued; every button waits meanwhile. */
  busyCode: string | null;
  onChoose: (line: Line) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {!online && (
        <div className="queue-banner" role="note" data-testid="lines-offline">
          <Icon name="warning" size={36} />
          <p>{t('kiosk.queue.offlineLines')}</p>
        </div>
      )}
      {printerDown && (
        <div className="queue-banner" role="note" data-testid="printer-warning">
          <Icon name="warning" size={36} />
          <p>{t('kiosk.queue.printerDown')}</p>
        </div>
      )}
      {lines.length === 0 ? (
        <p className="queue-empty" data-testid="lines-empty">
          {t('kiosk.queue.noLines')}
        </p>
      ) : (
        <ul className="queue-lines">
          {lines.map((line) => (
            <li key={line.code}>
              <button
                type="button"
                className="queue-line"
                data-testid="queue-line"
                data-code={line.code}
                disabled={busyCode !== null}
                aria-busy={busyCode === line.code}
                onClick={() => onChoose(line)}
              >
                <span className="queue-line-code" aria-hidden="true">
                  {line.code}
                </span>
                <span className="queue-line-body">
                  <span className="queue-line-name">{line.name}</span>
                  <span className="queue-line-area">{t('kiosk.queue.goTo', { area: line.counterArea })}</span>
                </span>
                <span className="queue-line-waiting" data-testid="line-waiting">
                  {busyCode === line.code ? t('kiosk.queue.issuing') : t('kiosk.queue.waiting', { count: line.waiting })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Asked before issuing when no slip can come out: the ticket can still be shown on screen. */
export function PrinterDownNotice({ line, busy, onScreen, onCancel }: { line: Pick<Line, 'name'>; busy: boolean; onScreen: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="printer-down" role="alertdialog" aria-labelledby="printer-down-title" data-testid="printer-down-notice">
      <Icon name="warning" size={56} />
      <p id="printer-down-title" className="printer-down-title">
        {t('kiosk.queue.printerDown')}
      </p>
      <p>{t('kiosk.queue.chosenLine', { name: line.name })}</p>
      <div className="queue-actions">
        <button type="button" className="button primary big" data-testid="ticket-on-screen" disabled={busy} aria-busy={busy} onClick={onScreen}>
          {busy ? t('kiosk.queue.issuing') : t('kiosk.queue.showOnScreen')}
        </button>
        <button type="button" className="button big" data-testid="printer-cancel" disabled={busy} onClick={onCancel}>
          {t('kiosk.queue.chooseAgain')}
        </button>
      </div>
    </div>
  );
}

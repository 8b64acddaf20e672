import { useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLang } from '../../core/contract/common.js';
import type { CounterQueue } from '../../core/contract/hall-api.js';
import type { Ticket } from '../../core/contract/queue.js';
import { currentLang } from '../i18n/i18n.js';
import { clockTime, useHallZone } from '../shared/hallZone.js';
import { enabledCommands, transferTargets } from './queueView.js';
import { SHORTCUTS, type CounterCommand } from './shortcuts.js';

const TICKET_COMMANDS = ['call-next', 'recall', 'transfer', 'no-show', 'park', 'finish'] as const;

export interface CurrentPanelProps {
  queue: CounterQueue;
  busy: string | null;
  transferOpen: boolean;
  numberInputRef?: RefObject<HTMLInputElement | null>;
  onCommand: (cmd: CounterCommand) => void;
  onTransfer: (service: string) => void;
  onCloseTransfer: () => void;
  onCallNumber: (number: string) => void;
  onCallParked: (ticket: Ticket) => void;
}

export function Kbd({ k }: { k: string }) {
  return <kbd className="kbd">{k}</kbd>;
}

/** The ticket being served, in large type, with every action a key away. */
export function CurrentPanel(p: CurrentPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const zone = useHallZone();
  const enabled = enabledCommands(p.queue);
  const current = p.queue.current;
  const serviceName = (code: string) => {
    const s = p.queue.services.find((x) => x.code === code);
    return s ? pickLang(s.name, lang) : code;
  };
  const [typed, setTyped] = useState('');
  const anyBusy = p.busy !== null;

  const callNumber = (ev: FormEvent) => {
    ev.preventDefault();
    const n = typed.trim().toUpperCase();
    if (n.length < 2) return;
    p.onCallNumber(n);
    setTyped('');
  };

  return (
    <section className="panel current-panel" aria-labelledby="current-title" data-testid="current-panel">
      <h2 id="current-title">{t('counter.current.title')}</h2>
      {current ? (
        <div className="current-ticket" data-testid="current-ticket" data-state={current.state}>
          <div className="current-number" data-testid="current-number" aria-live="polite">
            {current.number}
          </div>
          <dl className="current-facts">
            <div>
              <dt>{t('counter.current.line')}</dt>
              <dd data-testid="current-line">
                {current.service} · {serviceName(current.service)}
              </dd>
            </div>
            <div>
              <dt>{t('counter.current.visitor')}</dt>
              <dd data-testid="current-enterprise">{current.enterprise ?? t('counter.lines.walkIn')}</dd>
            </div>
            {current.calledAt && zone && (
              <div>
                <dt>{t('counter.current.calledAt')}</dt>
                <dd data-testid="current-called-at">{clockTime(current.calledAt, zone)}</dd>
              </div>
            )}
            <div>
              <dt>{t('counter.current.calls')}</dt>
              <dd data-testid="current-call-count">{t('counter.current.callCount', { count: current.callCount })}</dd>
            </div>
          </dl>
          {current.appointmentFlag && (
            <p className="flag-note" role="alert" data-testid="current-flag" data-flag={current.appointmentFlag}>
              <strong>{t(`counter.appointmentFlag.tag.${current.appointmentFlag}`)}</strong> {t(`counter.appointmentFlag.note.${current.appointmentFlag}`)}
            </p>
          )}
        </div>
      ) : (
        <p className="current-empty" data-testid="current-empty">
          {t('counter.current.none', { key: SHORTCUTS['call-next'] })}
        </p>
      )}

      {current && current.state === 'called' && (
        <p className="hint" data-testid="call-next-blocked">
          {t('counter.current.finishFirst', { number: current.number })}
        </p>
      )}
      <div className="actions" role="group" aria-label={t('counter.current.actions')}>
        {TICKET_COMMANDS.map((cmd) => (
          <button
            key={cmd}
            type="button"
            className={`btn action ${cmd === 'call-next' ? 'primary big' : ''} ${cmd === 'no-show' ? 'warn' : ''}`}
            data-testid={`action-${cmd}`}
            disabled={!enabled[cmd] || anyBusy}
            aria-busy={p.busy === cmd}
            aria-keyshortcuts={SHORTCUTS[cmd]}
            aria-expanded={cmd === 'transfer' ? p.transferOpen : undefined}
            onClick={() => p.onCommand(cmd)}
          >
            <span>{p.busy === cmd ? t('counter.busy') : t(`counter.action.${cmd}`)}</span>
            <Kbd k={SHORTCUTS[cmd]} />
          </button>
        ))}
      </div>

      {p.transferOpen && current && (
        <div className="transfer" role="group" aria-labelledby="transfer-title" data-testid="transfer-chooser">
          <h3 id="transfer-title">{t('counter.transfer.title', { number: current.number })}</h3>
          <div className="transfer-options">
            {transferTargets(p.queue).map((s) => (
              <button key={s.code} type="button" className="btn" data-testid="transfer-target" data-line={s.code} disabled={anyBusy} onClick={() => p.onTransfer(s.code)}>
                <Kbd k={s.code} /> {pickLang(s.name, lang)}
              </button>
            ))}
            <button type="button" className="btn ghost" data-testid="transfer-cancel" onClick={p.onCloseTransfer}>
              {t('counter.transfer.cancel')} <Kbd k="Esc" />
            </button>
          </div>
          <p className="hint">{t('counter.transfer.hint')}</p>
        </div>
      )}

      <form className="call-number" onSubmit={callNumber} data-testid="call-number-form">
        <label className="field inline">
          <span>
            {t('counter.callNumber.label')} <Kbd k={SHORTCUTS['call-number']} />
          </span>
          <input
            ref={p.numberInputRef}
            data-testid="call-number-input"
            value={typed}
            maxLength={16}
            autoComplete="off"
            placeholder={t('counter.callNumber.placeholder')}
            onChange={(e) => setTyped(e.target.value.toUpperCase())}
          />
        </label>
        <button type="submit" className="btn" data-testid="call-number-submit" disabled={!enabled['call-number'] || anyBusy || typed.trim().length < 2} aria-busy={p.busy === 'call-number'}>
          {p.busy === 'call-number' ? t('counter.busy') : t('counter.callNumber.submit')}
        </button>
        <p className="hint">{t('counter.callNumber.hint')}</p>
      </form>

      <div className="parked" data-testid="parked-list">
        <h3>{t('counter.parked.title', { count: p.queue.parked.length })}</h3>
        {p.queue.parked.length === 0 ? (
          <p className="empty">{t('counter.parked.none')}</p>
        ) : (
          <ul>
            {p.queue.parked.map((tk) => (
              <li key={tk.id} data-testid="parked-ticket" data-number={tk.number}>
                <span className="ticket-number">{tk.number}</span>
                <span className="ticket-who">{tk.enterprise ?? t('counter.lines.walkIn')}</span>
                <button
                  type="button"
                  className="btn"
                  data-testid="parked-call"
                  disabled={!enabled['call-number'] || anyBusy}
                  aria-busy={p.busy === `call:${tk.id}`}
                  onClick={() => p.onCallParked(tk)}
                >
                  {p.busy === `call:${tk.id}` ? t('counter.busy') : t('counter.parked.callBack')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hallMoment } from '../../../core/common/hall-time.js';
import { Kbd } from '../CurrentPanel.js';
import { counterErrorText } from '../errors.js';
import { onEscape } from './escape.js';
import type { MailStateBody } from './types.js';
import { checkMailState, type MailProblem, type MailStateDraft, type MailStateField } from './mailForm.js';

/** A mailed certificate's next state: posted, or delivered with who signed for it; the time on the hall's clock, now by default. */
export function MailStateForm(p: {
  next: 'posted' | 'delivered';
  zone: string;
  now: number;
  busy: boolean;
  error: unknown;
  onSubmit: (body: MailStateBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MailStateDraft>(() => ({ state: p.next, ...hallMoment(p.now, p.zone), signer: '' }));
  const [errors, setErrors] = useState<Partial<Record<MailStateField, MailProblem>>>({});
  const set = (patch: Partial<MailStateDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const checked = checkMailState(draft, p.zone, Date.now());
    if (!checked.ok) setErrors(checked.errors);
    else p.onSubmit(checked.body);
  };
  const err = (f: MailStateField) =>
    errors[f] && (
      <span className="field-error" data-testid={`mail-state-error-${f}`} role="alert">
        {t(errors[f] === 'required' ? 'counter.certificates.fieldError.required' : `counter.certificates.mailStateForm.invalid.${f}`)}
      </span>
    );
  return (
    <form className="cert-form mail-state-form" onSubmit={submit} onKeyDown={onEscape(p.onCancel)} noValidate data-testid="mail-state-form" data-state={draft.state}>
      <h3>{t(`counter.certificates.mailStateForm.title.${draft.state}`)}</h3>
      <div className="field-row">
        <div className={`field ${errors.when ? 'invalid' : ''}`}>
          <label htmlFor="mail-state-day">{t('counter.certificates.mailStateForm.day')}</label>
          <input id="mail-state-day" data-testid="mail-state-day" value={draft.day} maxLength={10} placeholder="2026-12-02" onChange={(e) => set({ day: e.target.value })} />
        </div>
        <div className={`field ${errors.when ? 'invalid' : ''}`}>
          <label htmlFor="mail-state-time">{t('counter.certificates.mailStateForm.time')}</label>
          <input id="mail-state-time" data-testid="mail-state-time" value={draft.time} maxLength={5} placeholder="09:30" onChange={(e) => set({ time: e.target.value })} />
        </div>
      </div>
      {err('when')}
      {draft.state === 'delivered' && (
        <div className={`field ${errors.signer ? 'invalid' : ''}`}>
          <label htmlFor="mail-state-signer">{t('counter.certificates.mailStateForm.signer')}</label>
          <input id="mail-state-signer" data-testid="mail-state-signer" autoFocus maxLength={50} value={draft.signer} onChange={(e) => set({ signer: e.target.value })} />
          {err('signer')}
        </div>
      )}
      {p.error !== undefined && (
        <p className="error-text" role="alert" data-testid="mail-state-refused">
          {counterErrorText(p.error, t)}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn primary" data-testid="mail-state-submit" disabled={p.busy} aria-busy={p.busy}>
          {p.busy ? t('counter.busy') : t('counter.certificates.mailStateForm.submit')} <Kbd k="Enter" />
        </button>
        <button type="button" className="btn ghost" data-testid="mail-state-cancel" onClick={p.onCancel}>
          {t('counter.certificates.cancel')} <Kbd k="Esc" />
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../CurrentPanel.js';
import { counterErrorText } from '../errors.js';
import { onEscape } from './escape.js';

export const REPRINT_REASON_MIN = 2;

/** 补打: a reason is required; the print carries a visible reprint mark. */
export function ReprintForm(p: { busy: boolean; error: unknown; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (reason.trim().length < REPRINT_REASON_MIN) {
      setMissing(true);
      return;
    }
    p.onSubmit(reason.trim());
  };
  return (
    <form className="cert-form reprint-form" onSubmit={submit} onKeyDown={onEscape(p.onCancel)} noValidate data-testid="reprint-form">
      <h3>{t('counter.certificates.reprint.title')}</h3>
      <div className={`field ${missing ? 'invalid' : ''}`}>
        <label htmlFor="reprint-reason">{t('counter.certificates.reprint.reason')}</label>
        <input
          id="reprint-reason"
          data-testid="reprint-reason"
          autoFocus
          maxLength={200}
          value={reason}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'reprint-reason-error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <span className="field-error" id="reprint-reason-error" data-testid="reprint-error-reason" role="alert">
            {t('counter.certificates.reprint.reasonRequired', { min: REPRINT_REASON_MIN })}
          </span>
        )}
      </div>
      <p className="hint">{t('counter.certificates.reprint.hint')}</p>
      {p.error !== undefined && (
        <p className="error-text" role="alert" data-testid="reprint-refused">
          {counterErrorText(p.error, t)}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn primary" data-testid="reprint-submit" disabled={p.busy} aria-busy={p.busy}>
          {p.busy ? t('counter.busy') : t('counter.certificates.reprint.submit')} <Kbd k="Enter" />
        </button>
        <button type="button" className="btn ghost" data-testid="reprint-cancel" onClick={p.onCancel}>
          {t('counter.certificates.cancel')} <Kbd k="Esc" />
        </button>
      </div>
    </form>
  );
}

import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../CurrentPanel.js';
import { counterErrorText } from '../errors.js';
import { onEscape } from './escape.js';
import { MAIL_FIELDS, type MailDraft, type MailField, type MailProblem } from './mailForm.js';

export interface MailFormProps {
  draft: MailDraft;
  errors: Partial<Record<MailField, MailProblem>>;
  busy: boolean;
  error: unknown;
  onChange: (field: MailField, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

const INPUT: Partial<Record<MailField, { type?: string; inputMode?: 'tel' | 'numeric'; maxLength: number }>> = {
  phone: { type: 'tel', inputMode: 'tel', maxLength: 16 },
  postcode: { inputMode: 'numeric', maxLength: 6 },
  waybill: { maxLength: 20 },
};

/** The EMS waybill as the clerk copies it: recipient, phone, the address by province, city, county and street, postcode, waybill number. */
export function MailForm(p: MailFormProps) {
  const { t } = useTranslation();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    p.onSubmit();
  };
  return (
    <form className="cert-form mail-form" onSubmit={submit} onKeyDown={onEscape(p.onCancel)} noValidate data-testid="mail-form">
      <h3>{t('counter.certificates.mail.title')}</h3>
      <div className="mail-grid">
        {MAIL_FIELDS.map((f) => (
          <div key={f} className={`field mail-${f} ${p.errors[f] ? 'invalid' : ''}`}>
            <label htmlFor={`mail-${f}`}>{t(`counter.certificates.mail.field.${f}`)}</label>
            <input
              id={`mail-${f}`}
              data-testid={`mail-${f}`}
              autoComplete="off"
              autoFocus={f === 'recipient'}
              type={INPUT[f]?.type ?? 'text'}
              inputMode={INPUT[f]?.inputMode}
              maxLength={INPUT[f]?.maxLength ?? (f === 'street' ? 200 : f === 'recipient' ? 50 : 30)}
              value={p.draft[f]}
              aria-invalid={p.errors[f] ? true : undefined}
              aria-describedby={p.errors[f] ? `mail-${f}-error` : undefined}
              onChange={(e) => p.onChange(f, e.target.value)}
            />
            {p.errors[f] && (
              <span className="field-error" id={`mail-${f}-error`} data-testid={`mail-error-${f}`} role="alert">
                {t(p.errors[f] === 'required' ? 'counter.certificates.fieldError.required' : `counter.certificates.mail.invalid.${f}`)}
              </span>
            )}
          </div>
        ))}
      </div>
      {p.error !== undefined && (
        <p className="error-text" role="alert" data-testid="mail-refused">
          {counterErrorText(p.error, t)}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn primary" data-testid="mail-submit" disabled={p.busy} aria-busy={p.busy}>
          {p.busy ? t('counter.busy') : t('counter.certificates.mail.submit')} <Kbd k="Enter" />
        </button>
        <button type="button" className="btn ghost" data-testid="mail-cancel" onClick={p.onCancel}>
          {t('counter.certificates.cancel')} <Kbd k="Esc" />
        </button>
      </div>
    </form>
  );
}

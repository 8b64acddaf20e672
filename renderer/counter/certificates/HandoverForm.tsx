import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../core/contract/errors.js';
import { currentLang } from '../../i18n/i18n.js';
import { Kbd } from '../CurrentPanel.js';
import { counterErrorText } from '../errors.js';
import { onEscape } from './escape.js';
import type { IdType } from './types.js';
import { ID_TYPES, idNumberProblem, type HandoverDraft, type HandoverErrors, type HandoverField, type HandoverProblem } from './handoverForm.js';

export interface HandoverFormProps {
  draft: HandoverDraft;
  errors: HandoverErrors;
  busy: boolean;
  /** The service's refusal (ALREADY_HANDED_OVER, CERTIFICATE_REVOKED, NO_A4_PRINTER…): shown above the button, the form kept. */
  error: unknown;
  onChange: (patch: Partial<HandoverDraft>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** Who collects (本人 / 代领), their ID checked as typed, the letter for a proxy; one button hands over and prints. */
export function HandoverForm(p: HandoverFormProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  // As typed: a resident ID number is judged once complete; on submit, whatever is still wrong.
  const typed = idNumberProblem(p.draft.idType, p.draft.idNumber, true);
  const errors: HandoverErrors = { ...p.errors, idNumber: p.errors.idNumber ?? typed ?? undefined };
  const message = (problem: HandoverProblem) =>
    problem === 'idInvalid' ? errorMessage('ID_NUMBER_INVALID', lang) : problem === 'letter' ? errorMessage('LETTER_NOT_CHECKED', lang) : t(`counter.certificates.fieldError.${problem}`);
  const fieldError = (name: HandoverField) =>
    errors[name] && (
      <span className="field-error" id={`handover-${name}-error`} data-testid={`handover-error-${name}`} role="alert">
        {message(errors[name])}
      </span>
    );
  const aria = (name: HandoverField) => ({ 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': errors[name] ? `handover-${name}-error` : undefined });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    p.onSubmit();
  };
  return (
    <form className="cert-form handover-form" onSubmit={submit} onKeyDown={onEscape(p.onCancel)} noValidate data-testid="handover-form">
      <h3>{t('counter.certificates.handover.title')}</h3>
      <fieldset className="segmented" data-testid="handover-kind">
        <legend>{t('counter.certificates.handover.who')}</legend>
        {(['self', 'proxy'] as const).map((k) => (
          <label key={k} className={p.draft.kind === k ? 'on' : undefined}>
            <input type="radio" name="handover-kind" value={k} data-testid={`handover-kind-${k}`} checked={p.draft.kind === k} onChange={() => p.onChange({ kind: k })} />
            {t(`counter.certificates.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className={`field ${errors.name ? 'invalid' : ''}`}>
        <label htmlFor="handover-name">{t('counter.certificates.handover.name')}</label>
        <input id="handover-name" data-testid="handover-name" autoFocus autoComplete="off" maxLength={50} value={p.draft.name} {...aria('name')} onChange={(e) => p.onChange({ name: e.target.value })} />
        {fieldError('name')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="handover-id-type">{t('counter.certificates.handover.idType')}</label>
          <select id="handover-id-type" data-testid="handover-id-type" value={p.draft.idType} onChange={(e) => p.onChange({ idType: e.target.value as IdType })}>
            {ID_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`counter.certificates.idType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${errors.idNumber ? 'invalid' : ''}`}>
          <label htmlFor="handover-id-number">{t('counter.certificates.handover.idNumber')}</label>
          {/* Shown while typed, so the clerk can compare it with the card; covered once the field is left. */}
          <input
            id="handover-id-number"
            className="id-input"
            data-testid="handover-id-number"
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            value={p.draft.idNumber}
            {...aria('idNumber')}
            onChange={(e) => p.onChange({ idNumber: e.target.value })}
          />
          {fieldError('idNumber')}
        </div>
      </div>
      {p.draft.kind === 'proxy' && (
        <div className={`field check ${errors.letterChecked ? 'invalid' : ''}`}>
          <label>
            <input type="checkbox" data-testid="handover-letter" checked={p.draft.letterChecked} {...aria('letterChecked')} onChange={(e) => p.onChange({ letterChecked: e.target.checked })} />
            {t('counter.certificates.handover.letter')}
          </label>
          {fieldError('letterChecked')}
        </div>
      )}
      {p.error !== undefined && (
        <p className="error-text" role="alert" data-testid="handover-refused">
          {counterErrorText(p.error, t)}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn primary" data-testid="handover-submit" disabled={p.busy} aria-busy={p.busy}>
          {p.busy ? t('counter.busy') : t('counter.certificates.handover.submit')} <Kbd k="Enter" />
        </button>
        <button type="button" className="btn ghost" data-testid="handover-cancel" onClick={p.onCancel}>
          {t('counter.certificates.cancel')} <Kbd k="Esc" />
        </button>
      </div>
    </form>
  );
}

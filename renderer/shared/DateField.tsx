import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInRange, parseDateText } from './date-text.js';

export interface DateFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> {
  /** The text as typed; an ISO date (2026-12-01) once valid. */
  value: string;
  onChange: (text: string) => void;
  min?: string;
  max?: string;
  'data-testid'?: string;
}

/**
 * A date field that reads the same on every screen, year first (2026-12-01), whatever the browser's
 * locale. Any of the ways date-text.ts reads is tidied to the ISO date when the field is left;
 * the parent gets the text as typed and checks it as before (a date outside min…max is marked).
 */
export function DateField({ value, onChange, min, max, onBlur, className, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const invalid = value !== '' && !dateInRange(value, min, max);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className={`date-field${className ? ` ${className}` : ''}`}
      placeholder={t('dateField.placeholder')}
      title={t('dateField.hint')}
      value={value}
      aria-invalid={invalid || rest['aria-invalid'] ? true : undefined}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const iso = parseDateText(value);
        if (iso && iso !== value) onChange(iso);
        onBlur?.(e);
      }}
    />
  );
}

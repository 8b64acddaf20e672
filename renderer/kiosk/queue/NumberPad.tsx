import { useTranslation } from 'react-i18next';
import { Icon } from '../../shared/Icon.js';
import type { PadKey } from './digits.js';

const DIGITS: PadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A telephone-style number pad with big keys, for codes and phone digits. */
export function NumberPad({ onKey, disabled = false }: { onKey: (key: PadKey) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="numpad" data-testid="numpad" role="group" aria-label={t('kiosk.checkin.padLabel')}>
      {DIGITS.map((d) => (
        <button key={d} type="button" className="numpad-key" data-key={d} disabled={disabled} onClick={() => onKey(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="numpad-key action" data-key="clear" disabled={disabled} onClick={() => onKey('clear')}>
        {t('kiosk.checkin.clear')}
      </button>
      <button type="button" className="numpad-key" data-key="0" disabled={disabled} onClick={() => onKey('0')}>
        0
      </button>
      <button
        type="button"
        className="numpad-key action"
        data-key="backspace"
        disabled={disabled}
        aria-label={t('kiosk.checkin.backspace')}
        onClick={() => onKey('backspace')}
      >
        <Icon name="backspace" size={36} />
        <span className="numpad-key-label">{t('kiosk.checkin.backspaceShort')}</span>
      </button>
    </div>
  );
}

/** The digits typed so far, one box per position, so the visitor sees how many are still missing. */
export function DigitBoxes({ digits, length, testid, label, active = true }: { digits: string; length: number; testid: string; label: string; active?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="digit-boxes" data-testid={testid} data-value={digits} role="status" aria-label={label}>
      {Array.from({ length }, (_, i) => (
        <span key={i} className={i < digits.length ? 'digit-box filled' : active && i === digits.length ? 'digit-box next' : 'digit-box'} aria-hidden="true">
          {digits[i] ?? ''}
        </span>
      ))}
      <span className="visually-hidden">{t('kiosk.checkin.typed', { digits: digits.split('').join(' ') || '—', count: length - digits.length })}</span>
    </div>
  );
}

import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon.js';
import './keyboard.css';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export type OskKey = string | 'backspace' | 'clear' | 'space';

/** Applies one on-screen key to the search text (keys always act at the end, like a pinyin pad). */
export function applyKey(text: string, key: OskKey): string {
  if (key === 'backspace') return Array.from(text).slice(0, -1).join('');
  if (key === 'clear') return '';
  if (key === 'space') return text.endsWith(' ') || text === '' ? text : `${text} `;
  return text + key;
}

/**
 * The on-screen keyboard: a touch kiosk has no Chinese input method, so visitors type pinyin or
 * its initials here. Keys do not take focus from the search box (mouse down is cancelled).
 */
export function Osk({
  onKey,
  upper = false,
  only,
}: {
  onKey: (key: OskKey) => void;
  /** Letters shown and typed in capitals (codes); data-key stays the lower-case key. */
  upper?: boolean;
  /** The only characters a code can hold (any case): the other keys and space are shown disabled. */
  only?: string;
}) {
  const { t } = useTranslation();
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div className="osk" data-testid="osk" role="group" aria-label={t('osk.label')}>
      {ROWS.map((row, i) => (
        <div className="osk-row" key={row}>
          {Array.from(row).map((k) => (
            <button
              key={k}
              type="button"
              className="osk-key"
              data-key={k}
              disabled={only !== undefined && !only.toLowerCase().includes(k)}
              onMouseDown={keep}
              onClick={() => onKey(upper ? k.toUpperCase() : k)}
            >
              {upper ? k.toUpperCase() : k}
            </button>
          ))}
          {i === 2 && (
            <button type="button" className="osk-key wide" data-key="backspace" aria-label={t('osk.backspace')} onMouseDown={keep} onClick={() => onKey('backspace')}>
              <Icon name="backspace" size={30} />
              <span className="osk-key-label">{t('osk.backspaceShort')}</span>
            </button>
          )}
          {i === 3 && (
            <>
              <button type="button" className="osk-key space" data-key="space" disabled={only !== undefined} onMouseDown={keep} onClick={() => onKey('space')}>
                {t('osk.space')}
              </button>
              <button type="button" className="osk-key wide" data-key="clear" onMouseDown={keep} onClick={() => onKey('clear')}>
                {t('osk.clear')}
              </button>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

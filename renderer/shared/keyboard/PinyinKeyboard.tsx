import { useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Osk, type OskKey } from './Osk.js';
import { candidates, PINYIN_MAX, type Candidate } from './pinyin.js';
import { usePinyinTable } from './usePinyinTable.js';

const PAGE = 8;

/**
 * The on-screen keyboard with a pinyin input method: letters build up pinyin, the visitor taps a
 * character or word to write it (space takes the first); the 拼音/ABC key switches to plain letters.
 * `onKey` receives what to write (a character, a word, a letter) or an editing key.
 */
export function PinyinKeyboard({ onKey, startInPinyin }: { onKey: (key: OskKey) => void; startInPinyin: boolean }) {
  const { t } = useTranslation();
  const table = usePinyinTable();
  const [pinyin, setPinyin] = useState(startInPinyin);
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(0);
  // Letters typed while the table still loads wait in the pinyin line; only a failed load means plain letters.
  const active = pinyin && table !== null;
  const ready = table !== null && table !== 'loading';
  const list = useMemo(() => (active && ready ? candidates(table, typed) : []), [active, ready, table, typed]);
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  const shown = list.slice(page * PAGE, page * PAGE + PAGE);
  const keep = (e: MouseEvent) => e.preventDefault();

  const edit = (next: string) => {
    setTyped(next);
    setPage(0);
  };
  const choose = (c: Candidate) => {
    onKey(c.text);
    edit(typed.slice(c.consumed));
  };
  /** Writes what is pending: the first candidate, or the letters themselves when nothing matches. */
  const settle = () => {
    if (!typed) return;
    if (list[0]) choose(list[0]);
    else {
      onKey(typed);
      edit('');
    }
  };
  const press = (k: OskKey) => {
    if (!active) onKey(k);
    else if (/^[a-z]$/.test(k)) {
      if (typed.length < PINYIN_MAX) edit(typed + k);
    } else if (k === 'backspace' && typed) edit(typed.slice(0, -1));
    else if (k === 'space' && typed) settle();
    else {
      if (k === 'clear') edit('');
      else settle();
      onKey(k);
    }
  };
  const toggle = () => {
    settle();
    setPinyin((p) => !p);
  };

  return (
    <div className="pinyin-keyboard" data-testid="pinyin-keyboard" data-mode={active ? 'pinyin' : 'letters'} data-ready={ready}>
      <div className="ime-bar" role="group" aria-label={t('ime.label')}>
        <button type="button" className="ime-mode" data-testid="ime-mode" aria-pressed={pinyin} onMouseDown={keep} onClick={toggle}>
          {pinyin ? t('ime.pinyin') : t('ime.letters')}
        </button>
        <span className="ime-typed" data-testid="ime-typed" aria-live="polite">
          {typed}
        </span>
        <div className="ime-candidates" data-testid="ime-candidates">
          {active && !typed && <span className="ime-hint">{t('ime.hint')}</span>}
          {typed && !ready && <span className="ime-hint">{t('ime.loading')}</span>}
          {typed && ready && !list.length && <span className="ime-hint">{t('ime.none')}</span>}
          {shown.map((c) => (
            <button key={`${c.text}-${c.consumed}`} type="button" className="ime-candidate" data-testid="ime-candidate" data-text={c.text} onMouseDown={keep} onClick={() => choose(c)}>
              {c.text}
            </button>
          ))}
        </div>
        {pages > 1 && (
          <span className="ime-pages">
            <button type="button" className="ime-page" data-testid="ime-prev" aria-label={t('ime.prev')} disabled={page === 0} onMouseDown={keep} onClick={() => setPage((p) => p - 1)}>
              ‹
            </button>
            <button type="button" className="ime-page" data-testid="ime-next" aria-label={t('ime.next')} disabled={page >= pages - 1} onMouseDown={keep} onClick={() => setPage((p) => p + 1)}>
              ›
            </button>
          </span>
        )}
      </div>
      <Osk onKey={press} />
    </div>
  );
}

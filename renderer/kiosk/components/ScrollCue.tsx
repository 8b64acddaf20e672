import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * True while the scrolling area has more below what is shown; follows scrolling, resizing and new content.
 * A screen that keeps its buttons in sight (.sticky-actions) shows its own cue above them (MoreCue).
 */
function useMoreBelow(ref: RefObject<HTMLElement | null>): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setMore(!el.querySelector('.sticky-actions') && el.scrollTop + el.clientHeight < el.scrollHeight - 8);
    check();
    el.addEventListener('scroll', check, { passive: true });
    const resized = new ResizeObserver(check);
    resized.observe(el);
    const changed = new MutationObserver(check);
    changed.observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
    // Fonts and images change heights without touching the DOM.
    void document.fonts?.ready.then(check);
    window.addEventListener('load', check);
    return () => {
      el.removeEventListener('scroll', check);
      resized.disconnect();
      changed.disconnect();
      window.removeEventListener('load', check);
    };
  }, [ref]);
  return more;
}

/**
 * "More below": shown over the bottom of the screen while it has more to scroll to, so a visitor
 * whose button is below the fold knows to swipe. Taps go through it to what lies beneath.
 */
export function ScrollCue({ target }: { target: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const more = useMoreBelow(target);
  if (!more) return null;
  return (
    <div className="scroll-cue" data-testid="scroll-cue" aria-hidden="true">
      <svg className="icon" width={32} height={32} viewBox="0 0 24 24" focusable="false">
        <path d="M12 4v15M6 13l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{t('kiosk.scrollCue')}</span>
    </div>
  );
}

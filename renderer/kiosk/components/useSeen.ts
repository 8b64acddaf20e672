import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether the element is in sight (inside the viewport and every scrolling ancestor), watched while
 * `active`. Taken as seen until the browser says otherwise, so nothing flashes on a screen that fits.
 */
export function useSeen<T extends Element>(active: boolean): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || typeof IntersectionObserver === 'undefined') return;
    const watch = new IntersectionObserver((entries) => setSeen(entries.some((e) => e.isIntersecting)));
    watch.observe(el);
    return () => watch.disconnect();
  }, [active]);
  return [ref, seen];
}

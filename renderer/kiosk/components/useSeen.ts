import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether the element is in sight (inside the viewport and every scrolling ancestor), watched while
 * `watch` is set; a new value (a screen's next step, with its own end marker) watches afresh. Taken as
 * seen until the browser says otherwise, so nothing flashes on a screen that fits.
 */
export function useSeen<T extends Element>(watch: string | boolean): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!watch || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setSeen(entries.some((e) => e.isIntersecting)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [watch]);
  return [ref, seen];
}

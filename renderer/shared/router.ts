import { useSyncExternalStore } from 'react';

/** A minimal history router: screens are addressed by path so a kiosk, counter or hall opens on its own URL. */

const NAV_EVENT = 'hall:navigate';

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(NAV_EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(NAV_EVENT, cb);
  };
}

const snapshot = () => window.location.pathname;

export function usePath(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '/');
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === window.location.pathname) return;
  const depth = ((window.history.state as { depth?: number } | null)?.depth ?? 0) + (opts.replace ? 0 : 1);
  if (opts.replace) window.history.replaceState({ depth }, '', to);
  else window.history.pushState({ depth }, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
}

/** Goes back within our own screens; falls back to `home` when there is nothing of ours to go back to. */
export function goBack(home: string): void {
  const depth = (window.history.state as { depth?: number } | null)?.depth ?? 0;
  if (depth > 0) window.history.back();
  else navigate(home, { replace: true });
}

/** Starts a fresh history at `to`, so "back" never leads into the previous visitor's screens. */
export function resetHistory(to: string): void {
  window.history.replaceState({ depth: 0 }, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
}

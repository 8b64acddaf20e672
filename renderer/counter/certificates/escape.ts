import type { KeyboardEvent } from 'react';

/** Esc anywhere in a form cancels it, as in every dialog the clerk knows. */
export const onEscape = (cancel: () => void) => (ev: KeyboardEvent) => {
  if (ev.key !== 'Escape') return;
  ev.preventDefault();
  ev.stopPropagation();
  cancel();
};

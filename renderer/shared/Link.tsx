import type { AnchorHTMLAttributes, KeyboardEvent, MouseEvent } from 'react';
import { navigate } from './router.js';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An in-app link: a real <a href> (so it reads as a link), activated by click, Enter or Space. */
export function Link({ to, onClick, onKeyDown, ...rest }: Props) {
  const go = () => navigate(to);
  return (
    <a
      href={to}
      {...rest}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        go();
      }}
      onKeyDown={(e: KeyboardEvent<HTMLAnchorElement>) => {
        onKeyDown?.(e);
        if (!e.defaultPrevented && e.key === ' ') {
          e.preventDefault();
          go();
        }
      }}
    />
  );
}

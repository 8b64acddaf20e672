/** A few line icons, drawn inline (nothing is loaded from outside). Always next to a text label. */
const PATHS = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5',
  search: 'M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5 21 21',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  shield: 'M12 3 5 6v5.5c0 4.2 3 7.8 7 9.5 4-1.7 7-5.3 7-9.5V6zM9 12l2 2 4-4',
  back: 'M15 5 8 12l7 7',
  backspace: 'M9 5h11v14H9l-6-7zM12 9l5 6M17 9l-5 6',
  eye: 'M2 12s3.6-6 10-6 10 6 10 6-3.6 6-10 6S2 12 2 12zM12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
  text: 'M4 7V5h16v2M12 5v14M9 19h6',
  contrast: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 3v18',
  globe: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  warning: 'M12 3 2 20h20zM12 10v4M12 17v.5',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z',
  chevron: 'M9 5l7 7-7 7',
  // A queue ticket with a torn-off stub: no letter or word, so it reads the same in every language.
  ticket: 'M4 6h16v4a2 2 0 0 0 0 4v4H4v-4a2 2 0 0 0 0-4zM14 6v2.5M14 11v2M14 15.5V18',
  // A calendar with a tick: an appointment, confirmed.
  appointment: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8.5 15l2.5 2.5 4.5-5',
  // A certificate with its seal.
  certificate: 'M5 3h14v18H5zM8 7h8M8 11h8M8 15h3M15.5 14a2 2 0 1 0 0 4 2 2 0 1 0 0-4z',
  // A QR code with a tick: verify by scanning.
  verify: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 17l2 2 4-4',
  // Verdicts: a tick or a cross in a circle, so the shape says it as well as the colour.
  ok: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM8 12.5l3 3 5-6',
  bad: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM9 9l6 6M15 9l-6 6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 28 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The kiosk's screens, addressed under /kiosk. Pure, so the URL scheme is tested without a browser. */
export type KioskRoute =
  | { name: 'home' }
  | { name: 'search' }
  | { name: 'categories' }
  | { name: 'category'; code: string }
  | { name: 'procedure'; id: string }
  | { name: 'prohibitions' }
  | { name: 'ticket' }
  | { name: 'checkin' }
  | { name: 'opinion' }
  /** The opinion box opened from the negative list, citing one of the eleven prohibitions. */
  | { name: 'opinion'; cite: number }
  | { name: 'track' }
  | { name: 'rate' }
  /** Print a self-service certificate with the pickup code and the phone's last four (or the SMS QR). */
  | { name: 'certificatePrint' }
  /** Verify a certificate by its QR, offline. */
  | { name: 'certificateVerify' }
  | { name: 'notFound' };

export const KIOSK_BASE = '/kiosk';

export function matchKioskRoute(path: string): KioskRoute {
  const rest = path.replace(/\/+$/, '').slice(KIOSK_BASE.length);
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, ...more] = parts;
  if (more.length > 0) return { name: 'notFound' };
  if (first === undefined) return { name: 'home' };
  if (first === 'search' && second === undefined) return { name: 'search' };
  if (first === 'categories') return second === undefined ? { name: 'categories' } : { name: 'category', code: second };
  if (first === 'procedures' && second !== undefined) return { name: 'procedure', id: second };
  if (first === 'prohibitions' && second === undefined) return { name: 'prohibitions' };
  // The issued ticket lives in the screen's state, never in the URL: a reload or the next visitor sees the lines again.
  if (first === 'ticket' && second === undefined) return { name: 'ticket' };
  if (first === 'checkin' && second === undefined) return { name: 'checkin' };
  if (first === 'opinion') return second === undefined ? { name: 'opinion' } : second === 'track' ? { name: 'track' } : { name: 'notFound' };
  if (first === 'rate' && second === undefined) return { name: 'rate' };
  if (first === 'certificates' && second === 'print') return { name: 'certificatePrint' };
  if (first === 'certificates' && second === 'verify') return { name: 'certificateVerify' };
  if (first === 'report' && second !== undefined && /^(?:[1-9]|1[01])$/.test(second)) return { name: 'opinion', cite: Number(second) };
  return { name: 'notFound' };
}

export const kioskPath = {
  home: () => KIOSK_BASE,
  search: () => `${KIOSK_BASE}/search`,
  categories: () => `${KIOSK_BASE}/categories`,
  category: (code: string) => `${KIOSK_BASE}/categories/${encodeURIComponent(code)}`,
  procedure: (id: string) => `${KIOSK_BASE}/procedures/${encodeURIComponent(id)}`,
  prohibitions: () => `${KIOSK_BASE}/prohibitions`,
  ticket: () => `${KIOSK_BASE}/ticket`,
  checkin: () => `${KIOSK_BASE}/checkin`,
  opinion: () => `${KIOSK_BASE}/opinion`,
  track: () => `${KIOSK_BASE}/opinion/track`,
  rate: () => `${KIOSK_BASE}/rate`,
  certificatePrint: () => `${KIOSK_BASE}/certificates/print`,
  certificateVerify: () => `${KIOSK_BASE}/certificates/verify`,
  /** Report a breach of prohibition `no` (1–11) in the opinion box. */
  report: (no: number) => `${KIOSK_BASE}/report/${no}`,
};

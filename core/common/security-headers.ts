/**
 * The one Content-Security-Policy of our pages, and the headers every answer of the terminal service
 * and the central server carries. Electron's shell, the services and the pages' meta tag all take it
 * from here, so they cannot disagree.
 */

/** The terminal's live channel, on whatever port the service listens. */
export const LOOPBACK_LIVE = ['ws://127.0.0.1:*', 'ws://localhost:*'] as const;

/**
 * Scripts only from our origin (no inline, no eval), no remote anything, no plugins, no framing,
 * no form posts elsewhere. Inline styles stay allowed because React sets style attributes; data:
 * images carry QR codes; blob:/mediastream: serve camera previews and recorded segments.
 */
export function contentSecurityPolicy(live: readonly string[] = LOOPBACK_LIVE): string {
  return [...directives(live), "frame-ancestors 'none'"].join('; ');
}

/** The same policy for a `<meta>` tag, which browsers ignore frame-ancestors in (the header carries it). */
export function metaContentSecurityPolicy(live: readonly string[] = LOOPBACK_LIVE): string {
  return directives(live).join('; ');
}

function directives(live: readonly string[]): string[] {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: mediastream:",
    ["connect-src 'self'", ...live].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/**
 * Headers for an answer to `url`. Every /api answer may carry personal data (appointments, phones,
 * complaints), so none is kept by a browser or a proxy; the pages' hashed bundles may be cached.
 */
export function securityHeaders(url: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') ? { 'cache-control': 'no-store' } : {}),
  };
}

// The Content-Security-Policy the shell adds to every response from our own origin. Pure.
import { APP_HOSTS } from './url-policy.js';

/**
 * Scripts only from our origin (no inline, no eval), no remote anything, no plugins, no framing,
 * no form posts elsewhere. Inline styles stay allowed because React sets style attributes; data:
 * images carry QR codes; blob:/mediastream: serve camera previews and recorded segments.
 */
export function contentSecurityPolicy(port: number): string {
  const live = APP_HOSTS.map((h) => `ws://${h}:${port}`).join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ${live}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Response headers with our CSP in place of any the response carried (header names compare case-insensitively). */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

// The Content-Security-Policy the shell adds to every response from our own origin. Pure.
import { contentSecurityPolicy as sharedPolicy } from '../core/common/security-headers.js';
import { APP_HOSTS } from './url-policy.js';

/** The pages' one policy (core/common/security-headers.ts), with the live channel on this port only. */
export function contentSecurityPolicy(port: number): string {
  return sharedPolicy(APP_HOSTS.map((h) => `ws://${h}:${port}`));
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

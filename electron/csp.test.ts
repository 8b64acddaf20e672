import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCsp } from './csp.js';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('contentSecurityPolicy', () => {
  const csp = directives(contentSecurityPolicy(4780));

  it('denies by default and runs scripts only from our own origin, never inline or eval', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy(4780)).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('loads nothing from remote hosts: every source is self, inline data, or our live channel', () => {
    for (const [name, values] of csp) {
      for (const v of values) {
        const ok = ["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:', 'mediastream:', 'ws://127.0.0.1:4780', 'ws://localhost:4780'];
        expect(ok, `${name} ${v}`).toContain(v);
      }
    }
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4780', 'ws://localhost:4780']);
  });

  it('forbids plugins, framing (both ways), base rewriting and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });
});

describe('withCsp', () => {
  it('replaces a CSP the response carried, whatever its casing, and keeps other headers', () => {
    const out = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] }, 'x');
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['x'], 'X-Content-Type-Options': ['nosniff'] });
  });

  it('adds the CSP when the response had no headers at all', () => {
    expect(withCsp(undefined, 'x')['Content-Security-Policy']).toEqual(['x']);
  });
});

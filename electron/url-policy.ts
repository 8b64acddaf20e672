// What the shell lets its windows reach. Pure: no Electron import, unit-tested in plain Node.

/** The only host names our screens are served under (the terminal service listens on loopback). */
export const APP_HOSTS = ['127.0.0.1', 'localhost'] as const;

function parse(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  // Control characters and backslashes are normalised away by the URL parser; a URL that needs that is not ours.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return null;
  }
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80;
}

function isOurHostAndPort(url: URL, port: number): boolean {
  return (
    url.username === '' &&
    url.password === '' &&
    (APP_HOSTS as readonly string[]).includes(url.hostname) &&
    effectivePort(url) === port
  );
}

/** The origins our screens run under, e.g. ['http://127.0.0.1:4780', 'http://localhost:4780']. */
export function appOrigins(port: number): string[] {
  return APP_HOSTS.map((h) => (port === 80 ? `http://${h}` : `http://${h}:${port}`));
}

/**
 * Whether a window may show this URL (navigation, redirect, IPC sender, permission requester):
 * plain http on loopback at exactly our port, no credentials. Everything else (file:, data:,
 * javascript:, other hosts or ports, https, `http://127.0.0.1:PORT@evil.example`) is refused.
 */
export function isAppUrl(raw: string, port: number): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === 'http:' && isOurHostAndPort(url, port);
}

/** Whether an origin string (as Chromium reports it) is exactly one of ours. */
export function isAppOrigin(origin: string, port: number): boolean {
  return appOrigins(port).includes(origin);
}

/**
 * Whether a page of ours may make this network request: our own http origin and the service's
 * live channel (ws) on the same host and port. Inline data:/blob: resources never reach the network
 * layer's request filter, and the CSP governs them.
 */
export function isAllowedRequest(raw: string, port: number): boolean {
  const url = parse(raw);
  if (url === null) return false;
  if (url.protocol === 'http:' || url.protocol === 'ws:') return isOurHostAndPort(url, port);
  return false;
}

/** The URL of a role's screen. */
export function screenUrl(port: number, screen: string): string {
  if (!/^[a-z]+$/.test(screen)) throw new Error(`not a screen name: ${screen}`);
  return `${appOrigins(port)[0]}/${screen}`;
}

/** Permissions a page may get: only 'media' (the counter's meeting camera), only for our own screens. */
export function isPermissionAllowed(permission: string, requestingUrl: string, port: number): boolean {
  return permission === 'media' && isAppUrl(requestingUrl, port);
}

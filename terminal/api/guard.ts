const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * While the service listens on loopback, a request must also name loopback in its Host header and,
 * if it carries an Origin, come from a loopback page: this stops another web page in a browser on
 * the same PC from reaching the service by DNS rebinding or a cross-site request.
 */
export function isAllowedRequest(listenHost: string, hostHeader: string | undefined, origin: string | undefined): boolean {
  const loopbackOnly = listenHost === '127.0.0.1' || listenHost === 'localhost' || listenHost === '::1';
  if (!loopbackOnly) return true;
  if (!hostHeader || !LOOPBACK_NAMES.has(hostname(hostHeader))) return false;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.has(url.hostname);
  } catch {
    return false;
  }
}

function hostname(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

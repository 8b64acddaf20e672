const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An address of this PC (a peer's, decided by its socket, never by a header; or one listened on). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/**
 * A request from this PC must also name loopback in its Host header and, if it carries an Origin,
 * come from a loopback page: this stops another web page in a browser on the same PC from reaching
 * the service by DNS rebinding or a cross-site request.
 */
export function isAllowedLoopbackRequest(hostHeader: string | undefined, origin: string | undefined): boolean {
  if (!hostHeader || !LOOPBACK_NAMES.has(hostname(hostHeader))) return false;
  if (origin === undefined) return true;
  const url = parseOrigin(origin);
  return url !== null && LOOPBACK_NAMES.has(url.hostname);
}

/** A paired browser's page comes from this service: an Origin, when sent, names the host it asked for. */
export function isSameOrigin(hostHeader: string | undefined, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  const url = parseOrigin(origin);
  return url !== null && hostHeader !== undefined && url.host === hostHeader.toLowerCase();
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

function parseOrigin(origin: string): URL | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function hostname(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

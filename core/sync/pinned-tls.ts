import { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Agent, request, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { isIP } from 'node:net';
import { connect, createSecureContext, type ConnectionOptions, type SecureContext, type TLSSocket } from 'node:tls';

/** Meta key of the SHA-256 fingerprint of the central server's certificate, pinned at enrollment. */
export const SERVER_CERT_PIN_KEY = 'server_cert_sha256';

/** The server presented a certificate other than the one this terminal pinned when it enrolled. */
export class CertificateMismatchError extends Error {
  constructor(
    readonly pinned: string,
    readonly presented: string,
  ) {
    super(`The central server presented certificate ${presented}, not the pinned ${pinned}`);
    this.name = 'CertificateMismatchError';
  }
}

/** A certificate's SHA-256 fingerprint as Node and `openssl x509 -fingerprint -sha256` print it (AB:CD:…). */
export function certificateFingerprint(pem: string | Buffer): string {
  return new X509Certificate(pem).fingerprint256;
}

export const normalizeFingerprint = (fp: string): string => fp.replace(/[^0-9a-f]/gi, '').toUpperCase().replace(/(..)(?!$)/g, '$1:');

type Connect = (opts: ConnectionOptions, done: (err: Error | null, socket?: TLSSocket) => void) => undefined;

// One TLS context for every pinned connection: a context made per connection holds native memory
// that the garbage collector does not see, and the process grew with every request to the server.
let sharedContext: SecureContext | null = null;
const secureContext = () => (sharedContext ??= createSecureContext());

/**
 * Opens a TLS connection and hands it on only once the server's certificate has the pinned
 * fingerprint, so not one byte of a request (a signature, a password) reaches another server. A
 * pinned certificate needs no CA and no matching host name: the fingerprint is the whole trust.
 * `pin` null: trust on first use (enrollment); `seen` hears the fingerprint either way.
 */
export function pinnedConnect(pin: string | null, seen?: (fingerprint: string) => void): Connect {
  return (opts, done) => {
    const host = opts.host ?? 'localhost';
    const socket = connect({ ...opts, secureContext: secureContext(), rejectUnauthorized: false, servername: isIP(host) ? undefined : host });
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256;
      if (pin !== null && presented !== normalizeFingerprint(pin)) {
        socket.destroy();
        return done(new CertificateMismatchError(normalizeFingerprint(pin), presented));
      }
      seen?.(presented);
      done(null, socket);
    });
    socket.once('error', (err) => done(err));
    return undefined;
  };
}

/** Kept-alive connections to a server with this certificate, so a request costs no new TLS handshake. */
class PinnedAgent extends Agent {
  constructor(private readonly connectPinned: Connect) {
    super({ keepAlive: true, maxSockets: 8, maxFreeSockets: 2 });
  }

  override createConnection(opts: RequestOptions, done?: (err: Error | null, socket: Duplex) => void): undefined {
    return this.connectPinned(opts as ConnectionOptions, (err, socket) => done?.(err, socket as Duplex));
  }
}

/** One agent per pinned certificate (a terminal pins one server); trust on first use gets none. */
const agents = new Map<string, PinnedAgent>();
const MAX_AGENTS = 4;

function pinnedAgent(pin: string): PinnedAgent {
  const key = normalizeFingerprint(pin);
  let agent = agents.get(key);
  if (!agent) {
    if (agents.size >= MAX_AGENTS) {
      const [oldest, old] = agents.entries().next().value!;
      old.destroy();
      agents.delete(oldest);
    }
    agent = new PinnedAgent(pinnedConnect(pin));
    agents.set(key, agent);
  }
  return agent;
}

/** How many kept-alive agents pinned requests hold (for the test that they stay bounded). */
export const pinnedAgentCount = (): number => agents.size;

/** A `fetch` for https URLs over node:https with a pinned certificate (see pinnedConnect). */
export function pinnedFetch(pin: string | null, seen?: (fingerprint: string) => void): typeof fetch {
  // With `seen` the caller wants to hear the certificate of this very connection: no kept-alive one.
  const reuse = pin !== null && !seen ? { agent: pinnedAgent(pin) } : { createConnection: pinnedConnect(pin, seen) };
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers, ...reuse, signal: init.signal ?? undefined } as never, resolve);
      req.once('error', reject);
      req.end(body);
    });
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const answer = new Headers();
    for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) answer.append(name, v);
    const status = res.statusCode ?? 500;
    return new Response([101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: answer });
  }) as typeof fetch;
}

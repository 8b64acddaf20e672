import { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';

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

/**
 * Opens a TLS connection and hands it on only once the server's certificate has the pinned
 * fingerprint, so not one byte of a request (a signature, a password) reaches another server. A
 * pinned certificate needs no CA and no matching host name: the fingerprint is the whole trust.
 * `pin` null: trust on first use (enrollment); `seen` hears the fingerprint either way.
 */
export function pinnedConnect(pin: string | null, seen?: (fingerprint: string) => void): Connect {
  return (opts, done) => {
    const host = opts.host ?? 'localhost';
    const socket = connect({ ...opts, rejectUnauthorized: false, servername: isIP(host) ? undefined : host });
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

/** A `fetch` for https URLs over node:https with a pinned certificate (see pinnedConnect). */
export function pinnedFetch(pin: string | null, seen?: (fingerprint: string) => void): typeof fetch {
  const createConnection = pinnedConnect(pin, seen);
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers, createConnection, signal: init.signal ?? undefined } as never, resolve);
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

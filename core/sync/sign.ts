import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { canonicalRequest, SIGNATURE_HEADERS as H } from '../contract/index.js';

export interface Signer {
  terminalId: string;
  privateKey: KeyObject;
}

/**
 * The headers that authenticate one request. `path` includes the query string; `body` must be the
 * exact bytes sent. `timestamp` should be the server's time as we estimate it (see clock.ts).
 */
export function signRequest(
  signer: Signer,
  req: { method: string; path: string; body?: string | Uint8Array },
  timestamp: number,
  nonce: string = randomBytes(18).toString('base64url'),
): Record<string, string> {
  const bodySha256 = createHash('sha256')
    .update(req.body ?? '')
    .digest('hex');
  const ts = String(Math.round(timestamp));
  const message = canonicalRequest({ method: req.method, path: req.path, timestamp: ts, nonce, bodySha256 });
  return {
    [H.terminalId]: signer.terminalId,
    [H.timestamp]: ts,
    [H.nonce]: nonce,
    [H.signature]: sign(null, Buffer.from(message), signer.privateKey).toString('base64url'),
  };
}

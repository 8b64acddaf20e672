import { createHash, createPublicKey, verify } from 'node:crypto';
import { canonicalRequest, ServerError, SIGNATURE_HEADERS as H, SignatureHeaders } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { findTerminal, type TerminalRow } from '../terminals/repository.js';

export interface IncomingSigned {
  method: string;
  /** Path with query, as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The exact body bytes (empty for none). */
  body: Buffer;
}

export interface VerifyOptions {
  now: number;
  windowMs: number;
}

function signatureValid(publicKey: string, message: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * Checks a terminal's signed request and, only when every check passes, records its nonce. A
 * refused request changes nothing; the nonce table is what makes a replay fail, even after a restart.
 */
export async function verifySignedRequest(db: ServerDb, req: IncomingSigned, opts: VerifyOptions): Promise<TerminalRow> {
  const parsed = SignatureHeaders.safeParse(req.headers);
  if (!parsed.success) throw new ServerError('SIGNATURE_MISSING');
  const h = parsed.data;

  const terminal = await findTerminal(db, h[H.terminalId]);
  if (!terminal?.public_key) throw new ServerError('TERMINAL_UNKNOWN');

  const timestamp = Number(h[H.timestamp]);
  if (Math.abs(opts.now - timestamp) > opts.windowMs) throw new ServerError('TIMESTAMP_OUT_OF_WINDOW');

  const message = canonicalRequest({
    method: req.method,
    path: req.url,
    timestamp: h[H.timestamp],
    nonce: h[H.nonce],
    bodySha256: createHash('sha256').update(req.body).digest('hex'),
  });
  if (!signatureValid(terminal.public_key, message, h[H.signature])) throw new ServerError('SIGNATURE_INVALID');
  if (terminal.disabled_at) throw new ServerError('TERMINAL_DISABLED');

  // Kept until the request's timestamp can no longer pass the window check above.
  const expiresAt = new Date(Math.max(timestamp, opts.now) + opts.windowMs);
  const claimed = await db
    .insertInto('nonces')
    .values({ terminal_id: terminal.id, nonce: h[H.nonce], expires_at: expiresAt })
    .onConflict((oc) => oc.doNothing())
    .returning('nonce')
    .executeTakeFirst();
  if (!claimed) throw new ServerError('NONCE_REUSED');
  await db.deleteFrom('nonces').where('expires_at', '<', new Date(opts.now)).execute();
  return terminal;
}

import { z } from 'zod';

/**
 * How a terminal signs its requests to the central server. Both sides build the same canonical
 * string; the terminal signs it with its Ed25519 key, the server verifies it with the public key it
 * stored at enrollment. Hashing and signing live in core/sync (terminal) and server/auth (server).
 */

export const SIGNATURE_HEADERS = {
  terminalId: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

/** A clerk's counter session, issued by the server at sign-in (presence route), on queue and appointment requests. */
export const CLERK_SESSION_HEADER = 'x-clerk-session';

/** Milliseconds since the epoch by the server's clock; sent on every server response. */
export const SERVER_TIME_HEADER = 'x-server-time';

const SIGNATURE_VERSION = 'HALL-SIG-V1';

export interface CanonicalRequest {
  method: string;
  /** Path with query string, exactly as sent (e.g. `/api/terminal/me?x=1`). */
  path: string;
  /** Milliseconds since the epoch, as written in the x-timestamp header. */
  timestamp: string;
  nonce: string;
  /** Lower-case hex SHA-256 of the exact body bytes (of the empty string when there is no body). */
  bodySha256: string;
}

export function canonicalRequest(r: CanonicalRequest): string {
  return [SIGNATURE_VERSION, r.method.toUpperCase(), r.path, r.timestamp, r.nonce, r.bodySha256].join('\n');
}

export const SignatureHeaders = z.object({
  [SIGNATURE_HEADERS.terminalId]: z.string().min(1).max(64),
  [SIGNATURE_HEADERS.timestamp]: z.string().regex(/^\d{1,16}$/),
  [SIGNATURE_HEADERS.nonce]: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  [SIGNATURE_HEADERS.signature]: z.string().regex(/^[A-Za-z0-9+/=_-]{40,200}$/),
});

/** Shown on a terminal's status screen when its clock is further from the server's than allowed. */
export const CLOCK_DRIFT_MESSAGES = {
  'zh-CN': '本机时间与中心服务器相差 {{seconds}} 秒，请通知管理员校准时间。',
  en: "This computer's clock differs from the central server's by {{seconds}} seconds. Please ask the administrator to set the time.",
  ru: 'Часы этого компьютера расходятся с часами центрального сервера на {{seconds}} с. Попросите администратора установить время.',
} as const;

// The office's own server may come back on another SERVER_PORT. It is the same server (on this
// computer, with the certificate in its data folder that the terminal pinned), so the terminal's
// enrolled address follows it instead of staying offline at the old port.
import type { Db } from '../core/db/connection.js';
import { getMeta } from '../core/db/meta.js';
import { loadIdentity, moveServer } from '../core/sync/identity.js';
import { SERVER_CERT_PIN_KEY } from '../core/sync/pinned-tls.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type PortDecision =
  | { kind: 'same' }
  | { kind: 'follow'; from: string; to: string }
  | { kind: 'refuse'; message: string };

/**
 * What to do with the enrolled address when the office's server is about to run at `officeUrl`.
 * `officeFingerprint`: the certificate in the office server's folder (null over plain HTTP).
 */
export function officePortDecision(enrolledUrl: string, pinned: string | null, officeUrl: string, officeFingerprint: string | null): PortDecision {
  if (enrolledUrl === officeUrl) return { kind: 'same' };
  const [enrolled, office] = [new URL(enrolledUrl), new URL(officeUrl)];
  if (!LOOPBACK.has(enrolled.hostname)) {
    return {
      kind: 'refuse',
      message: `This terminal is enrolled with the central server at ${enrolledUrl}, not with an office on this computer. Start it with SERVER_URL=${enrolledUrl} npm start, or use another DATA_DIR for a local office.`,
    };
  }
  if (enrolled.protocol !== office.protocol || (pinned ?? null) !== officeFingerprint) {
    return {
      kind: 'refuse',
      message: `This terminal is enrolled with ${enrolledUrl}, and the office server in its data folder is not the one it pinned. Start with SERVER_PORT=${enrolled.port || (enrolled.protocol === 'https:' ? 443 : 80)} as before, or use a new DATA_DIR for a new office.`,
    };
  }
  return { kind: 'follow', from: enrolledUrl, to: officeUrl };
}

/** Applies officePortDecision to the terminal's database: throws on a refusal, logs a move. */
export function followOfficePort(db: Db, officeUrl: string, officeFingerprint: string | null, log: (line: string) => void): void {
  const id = loadIdentity(db);
  if (!id) return;
  const decision = officePortDecision(id.serverUrl, getMeta(db, SERVER_CERT_PIN_KEY) || null, officeUrl, officeFingerprint);
  if (decision.kind === 'refuse') throw new Error(decision.message);
  if (decision.kind === 'follow') {
    moveServer(db, decision.to);
    log(`The office's central server moved from ${decision.from} to ${decision.to} (SERVER_PORT changed); this terminal follows it.`);
  }
}

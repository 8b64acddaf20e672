import { verdictOf } from '../../core/common/certificate-verdict.js';
import type { Verdict } from '../../core/contract/index.js';
import { certificateByIdentifier, verifyingKeys } from '../../core/certificates/store.js';
import type { Db } from '../../core/db/connection.js';

/** A certificate's QR text checked against the keys and certificates this terminal holds: no network. */
export function verifyOffline(db: Db, payload: string): Verdict {
  return verdictOf(payload, verifyingKeys(db), (identifier) => certificateByIdentifier(db, identifier));
}

import type { CertificateDoc } from '../../core/contract/index.js';
import { parseCertificateId, withVersion } from '../../core/common/certificate-id.js';
import { hallDay } from '../../core/common/hall-time.js';
import type { ServerDb } from '../db/connection.js';
import { activeKey, lockKeys } from './keys.js';
import { certificateByIdentifier, insertVersion, newPickupCode, signedQr, updateDoc } from './store.js';
import { ulid } from 'ulid';

/** An operator's command that does not fit the certificate's state; nothing was changed. */
export class CertificateStateError extends Error {}

const notFound = (identifier: string) => new CertificateStateError(`No certificate "${identifier}" on this server. Nothing was changed.`);

function refuseEnded(doc: CertificateDoc) {
  if (doc.state === 'revoked') throw new CertificateStateError(`${doc.identifier} was revoked on ${doc.revoked?.on} (${doc.revoked?.reason}). Nothing was changed.`);
  if (doc.state === 'superseded') throw new CertificateStateError(`${doc.identifier} was reissued as ${doc.supersededBy}; act on that version. Nothing was changed.`);
}

/** `certificate revoke`: state revoked, dated the hall's day; the hall's terminals learn it with the change. */
export async function revokeCertificate(db: ServerDb, identifier: string, reason: string, now: Date, timeZone: string): Promise<CertificateDoc> {
  return db.transaction().execute(async (tx) => {
    const found = await certificateByIdentifier(tx, identifier, true);
    if (!found) throw notFound(identifier);
    refuseEnded(found.doc);
    const doc: CertificateDoc = { ...found.doc, state: 'revoked', revoked: { on: hallDay(now, timeZone), reason } };
    await updateDoc(tx, doc, now);
    return doc;
  });
}

/**
 * `certificate reissue`: the next version (a new id, identifier and signature, a new pickup code,
 * ready again); the old version becomes superseded by it. Both changes go to the hall's terminals.
 */
export async function reissueCertificate(db: ServerDb, identifier: string, now: Date): Promise<{ old: CertificateDoc; doc: CertificateDoc }> {
  return db.transaction().execute(async (tx) => {
    // Keys before anything else, in the order imports take them: no two transactions wait on each other.
    await lockKeys(tx);
    const found = await certificateByIdentifier(tx, identifier, true);
    if (!found) throw notFound(identifier);
    refuseEnded(found.doc);
    const parsed = parseCertificateId(identifier);
    if (!('parts' in parsed)) throw new CertificateStateError(`"${identifier}" is not a valid identifier (${parsed.problem}). Nothing was changed.`);
    const version = found.doc.version + 1;
    if (version > 999) throw new CertificateStateError(`${identifier} is at version 999; it cannot be reissued again. Nothing was changed.`);
    const key = await activeKey(tx);
    if (!key) throw new CertificateStateError('The server has no active signing key (`certificate key create`). Nothing was changed.');
    const next = withVersion(parsed.parts, version);
    const old: CertificateDoc = { ...found.doc, state: 'superseded', supersededBy: next };
    await updateDoc(tx, old, now);
    const doc: CertificateDoc = {
      ...found.doc,
      id: ulid(),
      identifier: next,
      version,
      pickupCode: await newPickupCode(tx, new Set()),
      qr: signedQr(next, version, found.doc.issuedOn, found.holderCode, key),
      state: 'ready',
      revoked: null,
      supersededBy: null,
      handedOver: null,
      mail: null,
    };
    await insertVersion(tx, doc, found.holderCode, found.phone, now);
    return { old, doc };
  });
}

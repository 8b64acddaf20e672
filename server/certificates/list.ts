import { CertificateDoc, type CertificateKey } from '../../core/contract/index.js';
import { readPayload } from '../../core/common/certificate-payload.js';
import type { ServerDb } from '../db/connection.js';
import { verifyingKeys } from './keys.js';

export interface ListedCertificate {
  id: string;
  identifier: string;
  version: number;
  state: string;
  hall: string;
  number: string;
  name: string;
  /** The holder's name; a citizen's ID number is never listed. */
  holder: string;
  readyAt: string;
}

/** `certificate list`: newest first. */
export async function listCertificates(db: ServerDb, filter: { hall: string | null; state: string | null }): Promise<ListedCertificate[]> {
  let q = db.selectFrom('certificates').select(['id', 'identifier', 'version', 'state', 'hall', 'number', 'holder_name', 'doc', 'ready_at']);
  if (filter.hall) q = q.where('hall', '=', filter.hall);
  if (filter.state) q = q.where('state', '=', filter.state);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    identifier: r.identifier,
    version: r.version,
    state: r.state,
    hall: r.hall,
    number: r.number,
    name: CertificateDoc.parse(r.doc).name,
    holder: r.holder_name,
    readyAt: new Date(r.ready_at).toISOString(),
  }));
}

/** The verifying keys and how many stored certificate versions each signed. */
export async function listKeysWithUse(db: ServerDb): Promise<(CertificateKey & { signed: number })[]> {
  const keys = await verifyingKeys(db);
  const docs = await db.selectFrom('certificates').select('doc').execute();
  const count = new Map<string, number>();
  for (const { doc } of docs) {
    const keyId = readPayload((doc as CertificateDoc).qr)?.keyId;
    if (keyId) count.set(keyId, (count.get(keyId) ?? 0) + 1);
  }
  return keys.map((k) => ({ ...k, signed: count.get(k.keyId) ?? 0 }));
}

import type { Transaction } from 'kysely';
import { CertificateDoc, type SyncChange } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import type { ChangeReader } from '../staff/credentials.js';

/** Counters hand certificates over and kiosks print and verify them; hall TVs and rating screens hold none. */
export const holdsCertificates = (r: ChangeReader) => r.roles.includes('counter') || r.roles.includes('kiosk');

/** A certificate change reaches the terminals of its own hall only (null: skipped, the cursor moves past it). */
export function certificateChangeFor(reader: ChangeReader, change: SyncChange): SyncChange | null {
  if (!holdsCertificates(reader)) return null;
  return (change.data as CertificateDoc | null)?.hall === reader.hall ? change : null;
}

/** The snapshot's certificates: every version of the reader's hall (revoked and superseded ones answer verifications). */
export async function hallCertificates(tx: Transaction<ServerSchema>, reader: ChangeReader): Promise<CertificateDoc[]> {
  if (!holdsCertificates(reader)) return [];
  const rows = await tx.selectFrom('certificates').select('doc').where('hall', '=', reader.hall).orderBy('id').execute();
  return rows.map((r) => CertificateDoc.parse(r.doc));
}

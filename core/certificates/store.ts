import { CertificateDoc, CertificateKey, type SyncChange } from '../contract/index.js';
import type { Db } from '../db/connection.js';

/** The certificates the server sent down to this hall's terminals, and the keys that verify their QR. */

interface LocalMarks {
  handedOver: CertificateDoc['handedOver'];
  mailed: boolean;
}

/** What this terminal did to a certificate that the server may not have heard of yet. */
function localMarks(db: Db, id: string): LocalMarks {
  const h = db.prepare('SELECT at, counter, channel FROM certificate_handover WHERE certificate_id = ?').get(id) as
    | { at: string; counter: string; channel: 'counter' | 'kiosk' }
    | undefined;
  const m = db.prepare('SELECT recorded_at, counter FROM certificate_mail WHERE certificate_id = ?').get(id) as { recorded_at: string; counter: string } | undefined;
  if (h) return { handedOver: { at: h.at, counter: h.counter, channel: h.channel }, mailed: false };
  return { handedOver: m ? { at: m.recorded_at, counter: m.counter, channel: 'mail' } : null, mailed: m !== undefined };
}

/**
 * Stores the server's version of a certificate. A hand-over (or mail) recorded here stays: a server
 * document still saying 'ready' may have been sent before this terminal's event reached it. Revocation
 * and supersession from the server always win.
 */
export function putCertificate(db: Db, input: CertificateDoc): void {
  let doc = CertificateDoc.parse(input);
  if (doc.state === 'ready') {
    const mine = localMarks(db, doc.id);
    if (mine.handedOver) doc = { ...doc, state: mine.mailed ? 'mailed' : 'handed_over', handedOver: doc.handedOver ?? mine.handedOver };
  }
  writeDoc(db, doc);
}

/** Writes a document as it is (this terminal's own state changes). */
export function writeDoc(db: Db, doc: CertificateDoc): void {
  db.prepare(
    `INSERT INTO certificate (id, hall, identifier, procedure_id, pickup_code, holder_name, holder_code, state, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hall = excluded.hall, identifier = excluded.identifier, procedure_id = excluded.procedure_id,
       pickup_code = excluded.pickup_code, holder_name = excluded.holder_name, holder_code = excluded.holder_code,
       state = excluded.state, doc = excluded.doc`,
  ).run(doc.id, doc.hall, doc.identifier, doc.procedureId, doc.pickupCode, doc.holder.name, doc.holder.code.toUpperCase(), doc.state, JSON.stringify(doc));
}

/** Whether anything happened to it here (then it cannot simply be deleted). */
const hasLocalRows = (db: Db, id: string) =>
  db
    .prepare(
      `SELECT 1 FROM certificate_handover WHERE certificate_id = @id UNION ALL SELECT 1 FROM certificate_reprint WHERE certificate_id = @id
       UNION ALL SELECT 1 FROM certificate_mail WHERE certificate_id = @id LIMIT 1`,
    )
    .get({ id }) !== undefined;

/** The server withdrew it from this hall: gone, unless this terminal handed it over, reprinted or mailed it (the log stays). */
export function removeCertificate(db: Db, id: string): void {
  if (!hasLocalRows(db, id)) db.prepare('DELETE FROM certificate WHERE id = ?').run(id);
}

const parseRows = (rows: { doc: string }[]) => rows.map((r) => CertificateDoc.parse(JSON.parse(r.doc)));

export function getCertificate(db: Db, id: string): CertificateDoc | null {
  return parseRows(db.prepare('SELECT doc FROM certificate WHERE id = ?').all(id) as { doc: string }[])[0] ?? null;
}

export function certificateByIdentifier(db: Db, identifier: string): CertificateDoc | null {
  return parseRows(db.prepare('SELECT doc FROM certificate WHERE identifier = ?').all(identifier) as { doc: string }[])[0] ?? null;
}

export function certificatesByPickupCode(db: Db, hall: string, code: string): CertificateDoc[] {
  return parseRows(db.prepare('SELECT doc FROM certificate WHERE hall = ? AND pickup_code = ? ORDER BY id DESC').all(hall, code) as { doc: string }[]);
}

export function certificatesByHolderCode(db: Db, hall: string, code: string): CertificateDoc[] {
  return parseRows(db.prepare('SELECT doc FROM certificate WHERE hall = ? AND holder_code = ? ORDER BY id DESC').all(hall, code.toUpperCase()) as { doc: string }[]);
}

/** Holder name containing `text` (LIKE wildcards in the text are taken literally). */
export function certificatesByHolderName(db: Db, hall: string, text: string, limit = 50): CertificateDoc[] {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return parseRows(
    db.prepare("SELECT doc FROM certificate WHERE hall = ? AND holder_name LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?").all(hall, pattern, limit) as { doc: string }[],
  );
}

/** An enterprise's certificates for one procedure (or any, when `procedureId` is null), by its exact name. */
export function certificatesOfHolder(db: Db, hall: string, holderName: string, procedureId: string | null): CertificateDoc[] {
  const rows = db
    .prepare('SELECT doc FROM certificate WHERE hall = ? AND holder_name = ? AND (? IS NULL OR procedure_id = ?) ORDER BY id DESC')
    .all(hall, holderName, procedureId, procedureId) as { doc: string }[];
  return parseRows(rows);
}

export function putKey(db: Db, input: CertificateKey): void {
  const key = CertificateKey.parse(input);
  db.prepare('INSERT INTO certificate_key (key_id, doc) VALUES (?, ?) ON CONFLICT (key_id) DO UPDATE SET doc = excluded.doc').run(key.keyId, JSON.stringify(key));
}

export function verifyingKeys(db: Db): CertificateKey[] {
  return (db.prepare('SELECT doc FROM certificate_key ORDER BY key_id').all() as { doc: string }[]).map((r) => CertificateKey.parse(JSON.parse(r.doc)));
}

/** How the sync entities 'certificate' and 'certificate_key' land here (core/sync/downloader.ts). */
export const CERTIFICATE_APPLY: Record<string, (db: Db, change: SyncChange) => void> = {
  certificate: (db, c) => {
    if (c.op === 'upsert') putCertificate(db, CertificateDoc.parse(c.data));
    else removeCertificate(db, c.key);
  },
  certificate_key: (db, c) => {
    if (c.op === 'upsert') putKey(db, CertificateKey.parse(c.data));
    else db.prepare('DELETE FROM certificate_key WHERE key_id = ?').run(c.key);
  },
};

/** A 410 snapshot replaces the certificates and keys; the ones this terminal acted on stay with their log. */
export function applyCertificateSnapshot(db: Db, snap: { certificates?: CertificateDoc[]; certificateKeys?: CertificateKey[] }): void {
  if (snap.certificates) {
    const keep = new Set(snap.certificates.map((c) => c.id));
    for (const { id } of db.prepare('SELECT id FROM certificate').all() as { id: string }[]) if (!keep.has(id)) removeCertificate(db, id);
    snap.certificates.forEach((c) => putCertificate(db, c));
  }
  if (snap.certificateKeys) {
    db.prepare('DELETE FROM certificate_key').run();
    snap.certificateKeys.forEach((k) => putKey(db, k));
  }
}

import { randomInt } from 'node:crypto';
import { holderCodeShown } from '../../core/common/mask-name.js';
import type { Transaction } from 'kysely';
import { ulid } from 'ulid';
import { CertificateDoc, type CertificateInput, type CertificateTemplate } from '../../core/contract/index.js';
import { certificateLineage, parseCertificateId } from '../../core/common/certificate-id.js';
import { holderHash, signPayload } from '../../core/common/certificate-payload.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';
import { appendChange } from '../sync/append.js';

type Tx = Transaction<ServerSchema>;

const PICKUP_ALPHABET = '23456789ACDEFHJKMNPRTUVWXY';
/** States in which a certificate still waits for its visitor: their pickup codes must differ. */
const LIVE_STATES = ['ready', 'mailed'];

/** No ID number in clear on a terminal: a citizen holder's code goes down as its last four. */

/** A pickup code no waiting certificate has (nor one of `taken`, made in the same import). */
export async function newPickupCode(tx: Tx, taken: Set<string>): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 8 }, () => PICKUP_ALPHABET[randomInt(PICKUP_ALPHABET.length)]).join('');
    if (taken.has(code)) continue;
    const clash = await tx.selectFrom('certificates').select('id').where('pickup_code', '=', code).where('state', 'in', LIVE_STATES).executeTakeFirst();
    if (clash) continue;
    taken.add(code);
    return code;
  }
}

/** The signed QR text of a certificate version: the holder named by a hash of their full code. */
export const signedQr = (identifier: string, version: number, issuedOn: string, holderCode: string, key: { keyId: string; privateKey: string }) =>
  signPayload({ identifier, version, issuedOn, holderHash: holderHash(holderCode), keyId: key.keyId }, key.privateKey);

export interface NewVersion {
  input: CertificateInput;
  template: CertificateTemplate;
  identifier: string;
  version: number;
  pickupCode: string;
  key: { keyId: string; privateKey: string };
}

/** The doc of a new version as terminals receive it (state ready, holder code masked for a citizen). */
export function newDoc(v: NewVersion): CertificateDoc {
  const { input } = v;
  return CertificateDoc.parse({
    id: ulid(),
    hall: input.hall,
    procedureId: v.template.procedureId,
    template: v.template.id,
    name: v.template.name,
    typeCode: input.typeCode,
    number: input.number,
    identifier: v.identifier,
    version: v.version,
    issuer: input.issuer,
    holder: { ...input.holder, code: holderCodeShown(input.holder.code, input.holder.codeType) },
    issuedOn: input.issuedOn,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    fields: input.fields,
    delivery: input.delivery,
    pickupCode: v.pickupCode,
    phoneLast4: input.phone ? input.phone.replace(/\D/g, '').slice(-4) : null,
    qr: signedQr(v.identifier, v.version, input.issuedOn, input.holder.code, v.key),
    state: 'ready',
    revoked: null,
    supersededBy: null,
    handedOver: null,
    mail: null,
  });
}

/** Stores a new version and appends its change, in the caller's transaction. */
export async function insertVersion(tx: Tx, doc: CertificateDoc, holderCode: string, phone: string | null, now: Date): Promise<void> {
  const parts = parseCertificateId(doc.identifier);
  if (!('parts' in parts)) throw new Error(`not a certificate identifier: ${doc.identifier}`);
  await tx
    .insertInto('certificates')
    .values({
      id: doc.id,
      hall: doc.hall,
      identifier: doc.identifier,
      lineage: certificateLineage(parts.parts),
      version: doc.version,
      template: doc.template,
      procedure_id: doc.procedureId,
      holder_name: doc.holder.name,
      holder_code: holderCode,
      number: doc.number,
      state: doc.state,
      delivery: doc.delivery,
      pickup_code: doc.pickupCode,
      phone,
      issued_on: doc.issuedOn,
      doc: JSON.stringify(doc),
      ready_at: now,
      created_at: now,
    })
    .execute();
  await appendChange(tx, { entity: 'certificate', key: doc.id, op: 'upsert', data: doc }, now);
}

/** Replaces a certificate's doc (and its state column) and tells its hall's terminals. */
export async function updateDoc(tx: Tx, doc: CertificateDoc, now: Date): Promise<void> {
  await tx.updateTable('certificates').set({ doc: JSON.stringify(doc), state: doc.state }).where('id', '=', doc.id).execute();
  await appendChange(tx, { entity: 'certificate', key: doc.id, op: 'upsert', data: doc }, now);
}

export interface StoredCertificate {
  doc: CertificateDoc;
  holderCode: string;
  phone: string | null;
  lineage: string;
}

const COLUMNS = ['doc', 'holder_code', 'phone', 'lineage'] as const;
const stored = (r: { doc: unknown; holder_code: string; phone: string | null; lineage: string }): StoredCertificate => ({ doc: CertificateDoc.parse(r.doc), holderCode: r.holder_code, phone: r.phone, lineage: r.lineage });

export async function certificateByIdentifier(db: ServerDb | Tx, identifier: string, forUpdate = false): Promise<StoredCertificate | null> {
  let q = db.selectFrom('certificates').select(COLUMNS).where('identifier', '=', identifier);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? stored(row) : null;
}

export async function certificateById(db: ServerDb | Tx, id: string, forUpdate = false): Promise<StoredCertificate | null> {
  let q = db.selectFrom('certificates').select(COLUMNS).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? stored(row) : null;
}

/** The import a stored version-1 certificate came from, to tell a re-sent file from a changed one. */
export function inputOf(s: StoredCertificate): CertificateInput {
  const parts = parseCertificateId(s.doc.identifier);
  const serial = 'parts' in parts ? parts.parts.serial : '';
  const d = s.doc;
  return {
    template: d.template,
    hall: d.hall,
    typeCode: d.typeCode,
    number: d.number,
    serial,
    issuer: d.issuer,
    holder: { ...d.holder, code: s.holderCode },
    issuedOn: d.issuedOn,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    fields: d.fields,
    delivery: d.delivery,
    phone: s.phone,
  };
}

/** JSON with keys sorted, so two equal values compare equal whatever their key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

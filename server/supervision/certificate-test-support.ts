import { ulid } from 'ulid';
import { buildCertificateId, certificateLineage, type CertificateIdParts } from '../../core/common/certificate-id.js';
import { holderHash, newSigningKey, signPayload } from '../../core/common/certificate-payload.js';
import type { CertificateDoc } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';

/**
 * Certificates written straight into the server's tables, signed as the server signs them, for the
 * supervision and verification tests (the import and the hand-over appliers are tested on their own).
 */
export const ISSUER = { name: '黑龙江省商务厅', code: '11230000MB1955214U' };
export const TYPE_CODE = '11230000MB1955214U001';

export interface TestKey {
  keyId: string;
  privateKey: string;
  publicKey: string;
}

export async function seedKey(db: ServerDb, keyId: string, opts: { retiredAt?: Date | null; activeFrom?: Date } = {}): Promise<TestKey> {
  const { privateKey, publicKey } = newSigningKey();
  await db
    .insertInto('certificate_keys')
    .values({ key_id: keyId, public_key: publicKey, private_key: privateKey, issuer: ISSUER.name, active_from: opts.activeFrom ?? new Date('2026-01-01T00:00:00Z'), retired_at: opts.retiredAt ?? null })
    .execute();
  return { keyId, privateKey, publicKey };
}

export interface SeedCertificate {
  key: TestKey;
  serial: string;
  version?: number;
  template?: string;
  procedureId?: string;
  name?: string;
  number?: string;
  holder?: { name: string; code: string; codeType: '001' | '111' };
  issuedOn?: string;
  readyAt: Date;
  state?: CertificateDoc['state'];
  revoked?: CertificateDoc['revoked'];
  supersededBy?: string | null;
}

export async function seedCertificate(db: ServerDb, s: SeedCertificate): Promise<CertificateDoc> {
  const parts: CertificateIdParts = { typeCode: TYPE_CODE, issuerCode: ISSUER.code, serial: s.serial, version: s.version ?? 1 };
  const identifier = buildCertificateId(parts);
  const holder = s.holder ?? { name: '哈尔滨北方劳务合作有限公司', code: '91230100MA1BXKPC5G', codeType: '001' as const };
  const issuedOn = s.issuedOn ?? '2026-11-02';
  const qr = signPayload({ identifier, version: parts.version, issuedOn, holderHash: holderHash(holder.code), keyId: s.key.keyId }, s.key.privateKey);
  const doc: CertificateDoc = {
    id: ulid(),
    hall: 'main',
    procedureId: s.procedureId ?? 'OI-03',
    template: s.template ?? 'labour-cooperation',
    name: s.name ?? '对外劳务合作经营资格证书',
    typeCode: TYPE_CODE,
    number: s.number ?? `黑劳合字〔2026〕第${s.serial}号`,
    identifier,
    version: parts.version,
    issuer: ISSUER,
    holder: holder.codeType === '111' ? { ...holder, code: `${holder.code.slice(0, 1)}****************${holder.code.slice(-1)}` } : holder,
    issuedOn,
    validFrom: issuedOn,
    validUntil: '2031-11-01',
    fields: {},
    delivery: 'on_spot',
    pickupCode: 'ACDEFHJK',
    phoneLast4: '5678',
    qr,
    state: s.state ?? 'ready',
    revoked: s.revoked ?? null,
    supersededBy: s.supersededBy ?? null,
    handedOver: null,
    mail: null,
  };
  await db
    .insertInto('certificates')
    .values({
      id: doc.id,
      hall: doc.hall,
      identifier,
      lineage: certificateLineage(parts),
      version: doc.version,
      template: doc.template,
      procedure_id: doc.procedureId,
      holder_name: holder.name,
      holder_code: holder.code,
      number: doc.number,
      state: doc.state,
      delivery: doc.delivery,
      pickup_code: doc.pickupCode,
      phone: '13812345678',
      issued_on: issuedOn,
      doc: JSON.stringify(doc),
      ready_at: s.readyAt,
      created_at: s.readyAt,
    })
    .execute();
  return doc;
}

export interface SeedHandover {
  certificateId: string;
  at: Date;
  counter?: string;
  clerk?: string | null;
  immediateSeconds: number | null;
  terminalId?: string;
}

export async function seedHandover(db: ServerDb, h: SeedHandover): Promise<void> {
  await db
    .insertInto('certificate_handovers')
    .values({
      id: ulid(),
      certificate_id: h.certificateId,
      channel: 'counter',
      counter: h.counter ?? '6',
      clerk: h.clerk === undefined ? 'wang.fang' : h.clerk,
      terminal_id: h.terminalId ?? 'T-counter-6',
      recipient_kind: 'self',
      recipient_name: '李*',
      id_type: 'resident',
      id_hash: 'a'.repeat(64),
      id_last4: '123X',
      letter_checked: false,
      ticket_id: null,
      arrived_at: h.immediateSeconds === null ? null : new Date(h.at.getTime() - h.immediateSeconds * 1000),
      at: h.at,
      immediate_seconds: h.immediateSeconds,
    })
    .execute();
  await db.updateTable('certificates').set({ state: 'handed_over' }).where('id', '=', h.certificateId).execute();
}

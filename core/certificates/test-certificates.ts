import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { buildCertificateId } from '../common/certificate-id.js';
import { holderHash, newSigningKey, signPayload } from '../common/certificate-payload.js';
import { creditCodeCheck } from '../common/credit-code.js';
import type { CertificateDoc, CertificateKey, CertificateTemplate } from '../contract/index.js';
import { loadTemplates } from '../documents/templates.js';

/** Certificates and keys as the central server would send them down, signed with a real SM2 key. */

export const withCheck = (first17: string) => `${first17}${creditCodeCheck(first17)}`;
export const ISSUER_CODE = '11220000013544541J';
export const TYPE_CODE = '11100000000013338W032';
/** 黑龙江龙辰国际贸易有限公司's credit code (made up, with a correct check character). */
export const HOLDER_CODE = withCheck('91230100MA1B2C3D4');

export interface TestKey {
  key: CertificateKey;
  privateKey: string;
}

export function testKey(keyId = 'k2026'): TestKey {
  const { privateKey, publicKey } = newSigningKey();
  return { privateKey, key: { keyId, publicKey, issuer: '黑龙江省商务厅', activeFrom: '2026-01-01T00:00:00+08:00', retiredAt: null } };
}

let serial = 2430599;

export function testCertificate(signer: TestKey, over: Partial<CertificateDoc> & { version?: number } = {}): CertificateDoc {
  const version = over.version ?? 1;
  const s = over.identifier ? '0' : String(serial++);
  const identifier = over.identifier ?? buildCertificateId({ typeCode: TYPE_CODE, issuerCode: ISSUER_CODE, serial: s, version });
  const issuedOn = over.issuedOn ?? '2026-11-20';
  const holder = over.holder ?? { name: '黑龙江龙辰国际贸易有限公司', code: HOLDER_CODE, codeType: '001' as const };
  const qr = signPayload({ identifier, version, issuedOn, holderHash: holderHash(holder.code), keyId: signer.key.keyId }, signer.privateKey);
  return {
    id: ulid(),
    hall: 'main',
    procedureId: 'MC-01',
    template: 'prepaid-card-filing',
    name: '单用途商业预付卡备案回执',
    typeCode: TYPE_CODE,
    number: `黑商预备字〔2026〕第${s}号`,
    identifier,
    version,
    issuer: { name: '黑龙江省商务厅', code: ISSUER_CODE },
    holder,
    issuedOn,
    validFrom: issuedOn,
    validUntil: null,
    fields: { enterpriseType: '集团发卡企业', issuanceScale: '年发卡 2000 万元', cardTypes: '记名卡、不记名卡', depositBank: '中国工商银行哈尔滨分行', businessAddress: '哈尔滨市南岗区西大直街 1 号' },
    delivery: 'on_spot',
    pickupCode: 'K7M3XP9D',
    phoneLast4: '5678',
    qr,
    state: 'ready',
    revoked: null,
    supersededBy: null,
    handedOver: null,
    mail: null,
    ...over,
  };
}

/** The hall's own templates (assets/certificates): one slip type printable at the kiosk, one A4 type. */
const HALL_TEMPLATES = loadTemplates();
export const TEST_TEMPLATES: CertificateTemplate[] = ['prepaid-card-filing', 'labour-cooperation'].map((id) => HALL_TEMPLATES.get(id)!);

export function writeTestTemplates(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const t of TEST_TEMPLATES) writeFileSync(join(dir, `${t.id}.json`), JSON.stringify(t));
  return dir;
}

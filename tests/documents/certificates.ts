import { buildCertificateId } from '../../core/common/certificate-id.js';
import { holderHash, newSigningKey, signPayload } from '../../core/common/certificate-payload.js';
import type { CertificateDoc, CertificateKey } from '../../core/contract/certificates.js';

/** A signing key of the department for test certificates, and its public half as terminals hold it. */
export function testKey(keyId = 'hall-2026'): { privateKey: string; key: CertificateKey } {
  const { privateKey, publicKey } = newSigningKey();
  return { privateKey, key: { keyId, publicKey, issuer: '黑龙江省商务厅', activeFrom: '2026-01-01T00:00:00+08:00', retiredAt: null } };
}

/** The department (issuer) and a Harbin enterprise (holder), both with valid GB 32100 codes. */
export const ISSUER = { name: '黑龙江省商务厅', code: '11220000013544541J' };
export const HOLDER = { name: '黑龙江龙江国际经济技术合作有限公司', code: '91230100MA1B2C3D49', codeType: '001' as const };

const FIELDS: Record<string, Record<string, string>> = {
  'labour-cooperation': {
    legalRepresentative: '王建国',
    enterpriseType: '有限责任公司',
    registeredCapital: '人民币 1000 万元',
    paidInCapital: '人民币 800 万元',
    domicile: '黑龙江省哈尔滨市南岗区红军街 15 号',
    businessScope: '对外劳务合作（向境外派遣各类劳务人员，不含海员）',
  },
  'auction-licence': {
    legalRepresentative: '李明',
    registeredCapital: '人民币 500 万元',
    domicile: '黑龙江省哈尔滨市道里区中央大街 88 号',
    auctioneers: '3',
    auctionScope: '房地产、机动车、无形资产、股权、一般物品',
  },
  'overseas-investment': {
    overseasEnterprise: '龙江（俄罗斯）农业发展有限责任公司',
    country: '俄罗斯联邦',
    establishment: '新设',
    totalInvestment: '500 万美元',
    chineseInvestment: '500 万美元',
    businessScope: '农作物种植、仓储及农产品贸易',
  },
  'technology-contract': {
    direction: '技术出口',
    contractNumber: '2026HLJ0123',
    contractName: '寒地水稻育秧技术许可合同',
    supplier: '黑龙江龙江国际经济技术合作有限公司',
    recipient: 'ООО «Агро Восток»',
    supplierCountry: '中国',
    technologyType: '技术秘密许可',
    contractValue: '120 万美元',
    signedOn: '2026-11-10',
  },
  'prepaid-card-filing': {
    enterpriseType: '规模发卡企业',
    issuanceScale: '年发卡 2000 万元',
    cardTypes: '记名卡、不记名卡',
    depositBank: '中国工商银行哈尔滨分行',
    businessAddress: '哈尔滨市南岗区西大直街 1 号',
  },
};

const NAMES: Record<string, string> = {
  'labour-cooperation': '对外劳务合作经营资格证书',
  'auction-licence': '拍卖经营批准证书',
  'overseas-investment': '企业境外投资证书',
  'technology-contract': '技术进出口合同登记证书',
  'prepaid-card-filing': '单用途商业预付卡备案回执',
};
const PROCEDURES: Record<string, string> = { 'labour-cooperation': 'OI-03', 'auction-licence': 'AF-01', 'overseas-investment': 'OI-01', 'technology-contract': 'TT-01', 'prepaid-card-filing': 'MC-01' };

/** A certificate as the server sends it to a hall, its QR signed with `privateKey`. */
export function testCertificate(template: string, privateKey: string, keyId = 'hall-2026', over: Partial<CertificateDoc> = {}): CertificateDoc {
  const typeCode = `${ISSUER.code}${template === 'prepaid-card-filing' ? '105' : '032'}`;
  const version = over.version ?? 1;
  const identifier = buildCertificateId({ typeCode, issuerCode: ISSUER.code, serial: '2430599', version });
  const issuedOn = over.issuedOn ?? '2026-12-01';
  const holder = over.holder ?? HOLDER;
  const qr = signPayload({ identifier, version, issuedOn, holderHash: holderHash(holder.code), keyId }, privateKey);
  return {
    id: '01JD3Z6X8M4N5P6Q7R8S9T0V1W',
    hall: 'hq',
    procedureId: PROCEDURES[template]!,
    template,
    name: NAMES[template]!,
    typeCode,
    number: '黑商劳字〔2026〕第 0042 号',
    identifier,
    version,
    issuer: ISSUER,
    holder,
    issuedOn,
    validFrom: issuedOn,
    validUntil: '2029-11-30',
    fields: FIELDS[template]!,
    delivery: 'on_spot',
    pickupCode: 'K7M3PX2A',
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

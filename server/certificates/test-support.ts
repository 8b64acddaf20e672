import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateInput, CertificateTemplate } from '../../core/contract/index.js';
import { creditCodeCheck } from '../../core/common/credit-code.js';

/** A valid 统一社会信用代码 from its first 17 characters. */
export const creditCode = (first17: string) => `${first17}${creditCodeCheck(first17)}`;

export const HOLDER = creditCode('91110108551385082');
export const ISSUER = '11220000013544541J';
export const TYPE_CODE = '11100000000013338W032';
/** GB 11643's well-known example: a valid resident ID number. */
export const RESIDENT_ID = '11010519491231002X';

const label = (zh: string, en: string, ru: string) => ({ 'zh-CN': zh, en, ru });

/** Templates for tests: two of the hall's live procedures, one abolished (FT-05), one the catalog lacks. */
export const TEST_TEMPLATES: CertificateTemplate[] = [
  {
    id: 'labour-cooperation',
    name: '对外劳务合作经营资格证书',
    procedureId: 'OI-03',
    medium: 'a4',
    selfService: false,
    fields: [
      { key: 'legalRepresentative', label: label('法定代表人', 'Legal representative', 'Законный представитель'), required: true },
      { key: 'address', label: label('住所', 'Address', 'Адрес'), required: true },
      { key: 'remark', label: label('备注', 'Remark', 'Примечание'), required: false },
    ],
    layout: {},
  },
  {
    id: 'prepaid-card-filing',
    name: '单用途商业预付卡备案回执',
    procedureId: 'MC-01',
    medium: 'slip',
    selfService: true,
    fields: [{ key: 'cardBrand', label: label('预付卡品牌', 'Card brand', 'Марка карты'), required: true }],
    layout: {},
  },
  { id: 'old-licence', name: '已废止事项证书', procedureId: 'FT-05', medium: 'a4', selfService: false, fields: [], layout: {} },
  { id: 'ghost-licence', name: '目录外证书', procedureId: 'ZZ-99', medium: 'a4', selfService: false, fields: [], layout: {} },
];

/** A directory holding TEST_TEMPLATES as `<id>.json`, as CERTIFICATE_TEMPLATES points to. */
export function templateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-cert-templates-'));
  for (const t of TEST_TEMPLATES) writeFileSync(join(dir, `${t.id}.json`), JSON.stringify(t, null, 2));
  return dir;
}

/** A labour-cooperation certificate of hall main; `serial` tells certificates apart. */
export function certInput(serial: string, over: Partial<CertificateInput> = {}): CertificateInput {
  return {
    template: 'labour-cooperation',
    hall: 'main',
    typeCode: TYPE_CODE,
    number: `对外劳务〔2026〕${serial}号`,
    serial,
    issuer: { name: '某省商务厅', code: ISSUER },
    holder: { name: '华夏国际劳务合作有限公司', code: HOLDER, codeType: '001' },
    issuedOn: '2026-02-27',
    validFrom: '2026-02-27',
    validUntil: null,
    fields: { legalRepresentative: '张三', address: '北京市海淀区中关村大街 1 号' },
    delivery: 'on_spot',
    phone: '13812345678',
    ...over,
  };
}

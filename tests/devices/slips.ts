import type { z } from 'zod';
import type { CertificateSlip, CheckinSlip, ChecklistSlip, HandoverReceiptSlip, TicketSlip, TrackingSlip } from '../../core/contract/print.js';
import { testCertificate, testKey } from '../documents/certificates.js';

/** The hall the slips are printed in; their times are written in UTC, as the terminal writes them. */
export const onPaper = { timeZone: 'Asia/Shanghai' };

/** One slip of each kind, as the kiosk and counter would send them. */
export const ticket: z.input<typeof TicketSlip> = {
  kind: 'ticket',
  lang: 'zh-CN',
  number: 'A012',
  service: '对外劳务合作经营资格核准',
  counterArea: '1-5号窗口',
  ahead: 3,
  issuedAt: '2026-11-26T01:30:00.000Z',
  qr: 'https://hall.example/q/A012?t=对外劳务',
  ratingCode: 'K7M3P',
  offline: true,
};

/** 䶮 (U+4DAE, FE9F in iconv-lite's table, blank in printer fonts) and 𠀾 (U+2003E, four bytes in GB18030). */
export const RARE_ENTERPRISE = '黑龙江䶮𠀾国际贸易有限公司';

export const checkin: z.input<typeof CheckinSlip> = {
  kind: 'checkin',
  lang: 'zh-CN',
  number: 'B003',
  enterprise: RARE_ENTERPRISE,
  matter: '企业境外投资备案',
  appointmentCode: 'YY20261126-0042',
  slot: '09:30-10:00',
  counterArea: '3号窗口',
  ahead: 0,
  issuedAt: '2026-11-26T01:31:00.000Z',
  qr: 'checkin:YY20261126-0042',
};

export const checklist: z.input<typeof ChecklistSlip> = {
  kind: 'checklist',
  lang: 'zh-CN',
  procedureCode: '11230000MB0000000X-001',
  procedureName: '技术进出口合同登记（自由类）',
  materials: [
    { name: '技术进出口合同登记申请书', originals: 1, copies: 0 },
    { name: '技术进出口合同副本', originals: 0, copies: 2 },
    { name: '签约双方法律地位的证明文件（营业执照副本或事业单位法人证书）', originals: 1, copies: 1 },
    { name: 'Power of attorney', originals: 1, copies: 12 },
  ],
  timeLimit: '3个工作日',
  office: '咨询服务处 3号窗口',
  phone: '0451-12345678',
  printedAt: '2026-11-26T01:32:00.000Z',
  qr: 'https://hall.example/p/tech-contract',
};

export const tracking: z.input<typeof TrackingSlip> = {
  kind: 'tracking',
  lang: 'zh-CN',
  trackingCode: 'TS-7F3K-9Q',
  category: '投诉：办事拖延',
  filedAt: '2026-11-26T01:33:00.000Z',
  deadline: '2026-12-17',
  lookupHint: '可在任一自助终端输入查询码',
  qr: 'https://hall.example/c/TS-7F3K-9Q',
};

/** The department's key for the certificate slips below, and a 备案回执 signed with it. */
export const certificateSigner = testKey();
export const prepaidCard = testCertificate('prepaid-card-filing', certificateSigner.privateKey);

export const certificateSlip: z.input<typeof CertificateSlip> = {
  kind: 'certificate',
  lang: 'zh-CN',
  name: prepaidCard.name,
  number: '黑商预备〔2026〕0042号',
  identifier: prepaidCard.identifier,
  holderName: '黑龙江龙江国际经济技术合作有限公司',
  holderCode: '91230100MA1B2C3D49',
  issuer: '黑龙江省商务厅',
  issuedOn: '2026-12-01',
  validity: '自 2026-12-01 起长期有效',
  fields: [
    { label: '企业类型', value: '规模发卡企业' },
    { label: '发卡规模', value: '年发卡 2000 万元' },
    { label: '资金存管银行', value: '中国工商银行股份有限公司哈尔滨南岗支行营业部' },
  ],
  qr: prepaidCard.qr,
  reprint: null,
  printedAt: '2026-12-01T16:01:00.000Z',
};

export const handoverReceipt: z.input<typeof HandoverReceiptSlip> = {
  kind: 'handover-receipt',
  lang: 'zh-CN',
  certificateName: '对外劳务合作经营资格证书',
  number: '黑商劳字〔2026〕第 0042 号',
  identifier: prepaidCard.identifier,
  holderName: '黑龙江龙江国际经济技术合作有限公司',
  recipientKind: 'proxy',
  recipientName: '张*丰',
  recipientId: '**************123X',
  counter: '6号窗口',
  clerk: '李娜',
  handedOverAt: '2026-12-01T15:59:00.000Z',
  qr: prepaidCard.qr,
};

import { describe, expect, it } from 'vitest';
import { verdictOf } from '../common/certificate-verdict.js';
import { CertificateSlip, HandoverReceiptSlip } from '../contract/print.js';
import { testCertificate, testKey } from '../../tests/documents/certificates.js';
import { certificateSlipOf, handoverReceiptOf } from './certificate-slip.js';
import { loadTemplates } from './templates.js';

const templates = loadTemplates();
const prepaid = templates.get('prepaid-card-filing')!;
const signer = testKey();
const cert = testCertificate('prepaid-card-filing', signer.privateKey);
const now = new Date('2026-12-01T16:01:00.000Z');

describe('certificateSlipOf', () => {
  it('makes the slip of a receipt-type certificate: its fields labelled in the slip’s language, in the template’s order', () => {
    const slip = CertificateSlip.parse(certificateSlipOf(cert, prepaid, 'en', null, now));
    expect(slip).toMatchObject({
      kind: 'certificate',
      lang: 'en',
      name: '单用途商业预付卡备案回执',
      identifier: cert.identifier,
      holderName: cert.holder.name,
      holderCode: '91230100MA1B2C3D49',
      issuer: '黑龙江省商务厅',
      issuedOn: '2026-12-01',
      validity: '2026-12-01 to 2029-11-30',
      reprint: null,
      printedAt: '2026-12-01T16:01:00.000Z',
    });
    expect(slip.fields.map((f) => f.label)).toEqual(['Type of issuer', 'Issuance scale', 'Card types', 'Custodian bank', 'Business address']);
    expect(slip.fields[0]!.value).toBe('规模发卡企业');
    expect(verdictOf(slip.qr, [signer.key], () => cert).verdict).toBe('genuine');
  });

  it('writes 长期 in each language and keeps a citizen holder’s code masked', () => {
    const open = { ...cert, validUntil: null, holder: { name: '张三丰', code: '23010219900101123X', codeType: '111' as const } };
    expect(certificateSlipOf(open, prepaid, 'zh-CN', null, now)).toMatchObject({ validity: '自 2026-12-01 起长期有效', holderCode: '**************123X' });
    expect(certificateSlipOf(open, prepaid, 'ru', null, now).validity).toBe('С 2026-12-01, бессрочно');
  });

  it('carries the reprint and its reason', () => {
    const reprint = { reason: '回执遗失', at: '2026-12-02T01:30:00.000Z' };
    expect(certificateSlipOf(cert, prepaid, 'zh-CN', reprint, now).reprint).toEqual(reprint);
  });

  it('refuses an A4 certificate or the wrong template', () => {
    const labour = testCertificate('labour-cooperation', signer.privateKey);
    expect(() => certificateSlipOf(labour, templates.get('labour-cooperation')!, 'zh-CN', null, now)).toThrow(/print on A4/);
    expect(() => certificateSlipOf(labour, prepaid, 'zh-CN', null, now)).toThrow(/is a labour-cooperation, not a prepaid-card-filing/);
  });
});

describe('handoverReceiptOf', () => {
  it('masks the recipient’s name and ID and names the counter, clerk and time of the hand-over', () => {
    const labour = testCertificate('labour-cooperation', signer.privateKey);
    const slip = HandoverReceiptSlip.parse(
      handoverReceiptOf(labour, { recipientKind: 'self', recipientName: '欧阳明月', idLast4: '123X', counter: '6号窗口', clerk: '李娜', at: '2026-12-01T02:00:00.000Z' }, 'zh-CN'),
    );
    expect(slip).toMatchObject({
      certificateName: '对外劳务合作经营资格证书',
      number: labour.number,
      identifier: labour.identifier,
      recipientKind: 'self',
      recipientName: '欧**月',
      recipientId: '****123X',
      counter: '6号窗口',
      clerk: '李娜',
      qr: labour.qr,
    });
  });
});

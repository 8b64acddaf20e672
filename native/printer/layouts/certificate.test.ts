import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../core/common/certificate-verdict.js';
import { expectFits, lineWidth } from '../../../tests/devices/slip-assertions.js';
import { certificateSigner, certificateSlip, handoverReceipt, onPaper, prepaidCard, RARE_ENTERPRISE } from '../../../tests/devices/slips.js';
import { columnOf, decodeEscPos } from '../decode.js';
import { renderSlip } from './index.js';

const decode = (slip: Parameters<typeof renderSlip>[0], columns?: number) => decodeEscPos(renderSlip(slip, { ...onPaper, columns }));
const joined = (d: ReturnType<typeof decode>) => d.text.join('');

describe('certificate slip (备案回执 printed whole)', () => {
  it('prints the certificate in Chinese: name, number, holder, code, its fields, validity, issuer, identifier', () => {
    const d = decode(certificateSlip);
    expect(d.lines.find((l) => l.text === '单用途商业预付卡备案回执')).toMatchObject({ align: 'center', bold: true, height: 2 });
    expect(d.text).toContain('编号：黑商预备〔2026〕0042号');
    expect(d.text).toContain('持证主体：');
    expect(d.lines.find((l) => l.text === '黑龙江龙江国际经济技术合作有限公司')).toMatchObject({ bold: true });
    expect(d.text).toContain('主体代码：91230100MA1B2C3D49');
    expect(d.text).toContain('企业类型：规模发卡企业');
    expect(d.text).toContain('发卡规模：年发卡 2000 万元');
    expect(joined(d)).toContain('资金存管银行：中国工商银行股份有限公司哈尔滨南岗支行营业部');
    expect(d.text).toContain('有效期：自 2026-12-01 起长期有效');
    expect(d.text).toContain('颁发机构：黑龙江省商务厅');
    expect(joined(d)).toContain(certificateSlip.identifier);
    expect(d.text).toContain('扫码验证本证照真伪');
    // 16:01 UTC is 00:01 the next day in the hall.
    expect(d.text).toContain('打印时间：2026-12-02 00:01');
    expect(joined(d)).not.toContain('补打');
    expect(d.images).toHaveLength(0);
    expect(d.cuts).toBe(1);
  });

  it('carries the signed payload byte for byte under the text, and it verifies as genuine', () => {
    const d = decode(certificateSlip);
    expect(d.qr).toEqual([prepaidCard.qr]);
    const qrAt = d.items.findIndex((i) => i.type === 'qr');
    const identifierAt = d.items.findIndex((i) => i.type === 'line' && i.line.text.startsWith('1.2.156.3005.2.'));
    expect(qrAt).toBeGreaterThan(identifierAt);
    expect(verdictOf(d.qr[0]!, [certificateSigner.key], (id) => (id === prepaidCard.identifier ? prepaidCard : null))).toMatchObject({
      verdict: 'genuine',
      certificate: { name: '单用途商业预付卡备案回执' },
    });
    // One character changed in the payload is a forgery.
    expect(verdictOf(d.qr[0]!.replace('|001|', '|002|'), [certificateSigner.key], () => null).verdict).toBe('forged');
  });

  it('a reprint carries a large 补打 mark on top, and when and why it was printed again', () => {
    const d = decode({ ...certificateSlip, reprint: { reason: '回执遗失', at: '2026-12-02T01:30:00Z' } });
    expect(d.lines[0]).toMatchObject({ text: '【补打】', align: 'center', bold: true, width: 2, height: 2 });
    expect(d.text).toContain('补打时间：2026-12-02 09:30');
    expect(d.text).toContain('补打原因：回执遗失');
    expect(decode({ ...certificateSlip, lang: 'en', reprint: { reason: 'lost', at: '2026-12-02T01:30:00Z' } }).lines[0]!.text).toBe('【REPRINT】');
  });

  it('draws a holder name with characters no printer font has, right under its label; the rest stays text', () => {
    const d = decode({ ...certificateSlip, holderName: RARE_ENTERPRISE });
    expect(d.images).toHaveLength(1);
    const labelAt = d.items.findIndex((it) => it.type === 'line' && it.line.text === '持证主体：');
    expect(d.items[labelAt + 1]).toMatchObject({ type: 'image' });
    expect(d.text).toContain('主体代码：91230100MA1B2C3D49');
  });

  it('prints its labels in the slip language, the certificate itself as issued', () => {
    const en = decode({ ...certificateSlip, lang: 'en' });
    expect(en.text).toContain('Holder:');
    expect(en.text).toContain('Issued by: 黑龙江省商务厅');
    const ru = decode({ ...certificateSlip, lang: 'ru' });
    expect(ru.text).toContain('Владелец:');
    expect(ru.text).toContain('Выдан: 黑龙江省商务厅');
  });
});

describe('hand-over receipt (领证回执)', () => {
  it('says what was handed to whom, masked, where, by whom and when, in the hall’s time', () => {
    const d = decode(handoverReceipt);
    expect(d.text).toContain('领证回执');
    expect(d.text).toContain('证照名称：对外劳务合作经营资格证书');
    expect(d.text).toContain('编号：黑商劳字〔2026〕第 0042 号');
    expect(joined(d)).toContain(handoverReceipt.identifier);
    expect(d.text).toContain('黑龙江龙江国际经济技术合作有限公司');
    expect(d.text).toContain('领取方式：代领（已核验委托书）');
    expect(d.text).toContain('领取人：张*丰');
    expect(d.text).toContain('证件号码：**************123X');
    expect(d.text).toContain('办理窗口：6号窗口');
    expect(d.text).toContain('经办人：李娜');
    expect(d.text).toContain('领取时间：2026-12-01 23:59');
    expect(decode({ ...handoverReceipt, recipientKind: 'self' }).text).toContain('领取方式：本人领取');
    expect(d.qr).toEqual([prepaidCard.qr]);
    expect(verdictOf(d.qr[0]!, [certificateSigner.key], () => null).verdict).toBe('genuine');
  });

  it('never prints a name or ID number in clear, even when handed one', () => {
    const d = decode({ ...handoverReceipt, recipientName: '张三丰', recipientId: '23010219900101123X' });
    expect(d.text).toContain('领取人：张*丰');
    expect(d.text).toContain('证件号码：**************123X');
    expect(joined(d)).not.toContain('230102');
  });

  it('leaves a signature line and a date line that run exactly to the paper’s edge, at 48 and 32 columns', () => {
    for (const columns of [48, 32]) {
      const d = decode(handoverReceipt, columns);
      const sign = d.lines.find((l) => l.text.startsWith('领取人签字：'))!;
      const date = d.lines.find((l) => l.text.startsWith('日期：'))!;
      expect(lineWidth(sign), `${columns}`).toBe(columns);
      expect(lineWidth(date), `${columns}`).toBe(columns);
      expect(columnOf(sign, '_')).toBe(12);
      expect(columnOf(date, '_')).toBe(6);
      expect(d.text.indexOf(date.text)).toBeGreaterThan(d.text.indexOf(sign.text));
    }
  });
});

describe('certificate slips on paper', () => {
  it('nothing is wider than the paper, in every language, on 80 mm and 58 mm paper', () => {
    for (const columns of [48, 32])
      for (const lang of ['zh-CN', 'en', 'ru'] as const)
        for (const slip of [certificateSlip, handoverReceipt, { ...certificateSlip, reprint: { reason: '回执遗失，申请补打一份', at: '2026-12-02T01:30:00Z' } }])
          expectFits(decode({ ...slip, lang }, columns), columns);
  });

  it('a long identifier wraps whole: its pieces join back to the identifier, each line within the paper', () => {
    const d = decode(certificateSlip, 32);
    const at = d.text.indexOf('证照标识：');
    const rest = d.text.slice(at + 1, at + 4).join('');
    expect(rest.startsWith(certificateSlip.identifier)).toBe(true);
    expect(d.text[at + 1]!.length).toBeLessThanOrEqual(32);
  });

  it('reads as receiptline’s rendering of the same certificate does: same Chinese lines, same QR payload', () => {
    const doc = ['^单用途商业预付卡备案回执', '编号：黑商预备〔2026〕0042号', '企业类型：规模发卡企业', `{code:${prepaidCard.qr}; option:qrcode,6,m}`, '='].join('\n');
    const theirs = decodeEscPos(Buffer.from(receiptline.transform(doc, { command: 'escpos', cpl: 48, encoding: 'gb18030' }), 'latin1'));
    const ours = decode(certificateSlip);
    for (const text of ['编号：黑商预备〔2026〕0042号', '企业类型：规模发卡企业']) {
      expect(theirs.text.map((t) => t.trim())).toContain(text);
      expect(ours.text).toContain(text);
      // Same display width: both count a Chinese character as two columns.
      const theirLine = theirs.lines.find((l) => l.text.trim() === text)!;
      const from = [...theirLine.text.slice(0, theirLine.text.indexOf(text))].length;
      const theirWidth = theirLine.cols.slice(from, from + [...text].length).reduce((a, b) => a + b, 0);
      expect(lineWidth(ours.lines.find((l) => l.text === text)!)).toBe(theirWidth);
    }
    expect(theirs.text.map((t) => t.trim())).toContain('单用途商业预付卡备案回执');
    expect(ours.qr).toEqual([prepaidCard.qr]);
  });
});

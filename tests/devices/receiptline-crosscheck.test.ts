import iconv from 'iconv-lite';
import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import { renderSlip } from '../../native/printer/layouts/index.js';
import { columnOf, decodeEscPos } from './escpos-decoder.js';
import { onPaper, ticket } from './slips.js';

// receiptline encodes the same content independently (its own FS & GB18030 path, column positions
// by ESC $, QR as a graphic): the oracle must read it as it reads ours, or the oracle is wrong.
describe('decoder cross-checked against receiptline', () => {
  const doc = ['^^^排队号', '|原件|复印件', '技术进出口合同登记申请书|1|0', '{code:https://hall.example/q/A012; option:qrcode,6,m}', '='].join('\n');
  const theirs = decodeEscPos(Buffer.from(receiptline.transform(doc, { command: 'escpos', cpl: 48, encoding: 'gb18030' }), 'latin1'));

  it('reads receiptline Chinese text and columns', () => {
    expect(theirs.text.map((t) => t.trim())).toContain('排队号');
    const header = theirs.lines.find((l) => l.text.includes('原件'))!;
    const row = theirs.lines.find((l) => l.text.includes('技术进出口合同'))!;
    expect(row.text).toMatch(/1 +0/);
    // Both put the numbers under their headings: column positions agree.
    expect(columnOf(row, '1')).toBeGreaterThanOrEqual(columnOf(header, '原件'));
    expect(columnOf(row, '0')).toBeGreaterThan(columnOf(header, '原件'));
    expect(theirs.images).toHaveLength(1);
    expect(theirs.images[0]!.height).toBeGreaterThan(100);
    expect(theirs.cuts).toBeGreaterThan(0);
  });

  it('sends Chinese as receiptline does: FS & then the same GB18030 bytes', () => {
    const raw = Buffer.from(receiptline.transform(doc, { command: 'escpos', cpl: 48, encoding: 'gb18030' }), 'latin1');
    const ours = Buffer.from(renderSlip(ticket, onPaper));
    const title = Buffer.concat([Buffer.from([0x1c, 0x26]), iconv.encode('排队号', 'gb18030')]);
    expect(raw.includes(title)).toBe(true);
    expect(ours.includes(title)).toBe(true);
  });
});

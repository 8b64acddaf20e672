import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decode.js';
import { EscPos, statusRequest } from './escpos.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS builder', () => {
  it('wraps Chinese in FS & … FS . as GB18030, not GBK under ESC R', () => {
    const bytes = new EscPos().line('中文 A1').bytes();
    expect(hex(bytes)).toBe('1b40' + '1b6100' + '1c26' + iconv.encode('中文', 'gb18030').toString('hex') + '204131' + '1c2e' + '0a');
  });

  it('selects PC866 with Chinese mode off for Russian', () => {
    expect(hex(new EscPos().line('中Я').bytes())).toBe('1b40' + '1b6100' + '1c26d6d0' + '1c2e1b7411' + '9f' + '0a');
  });

  it('counts the QR store length in UTF-8 bytes, plus 3', () => {
    const data = 'https://x/对外劳务';
    const bytes = Buffer.from(new EscPos().qr(data).bytes());
    const store = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b]), bytes.indexOf(Buffer.from([0x31, 0x45])));
    const len = bytes[store + 3]! | (bytes[store + 4]! << 8);
    expect(len).toBe(Buffer.byteLength(data, 'utf8') + 3);
    expect(bytes.subarray(store + 5, store + 8)).toEqual(Buffer.from([0x31, 0x50, 0x30]));
  });

  it('draws a line with a character outside the two-byte area as one GS v 0 raster', () => {
    const bytes = Buffer.from(new EscPos().line('䶮A').bytes());
    const at = bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30, 0]));
    expect(at).toBeGreaterThan(0);
    // Three columns = 36 dots, rounded up to 5 bytes a row; 24 rows.
    expect([...bytes.subarray(at + 4, at + 8)]).toEqual([5, 0, 24, 0]);
    // Nothing of the line goes out as text after the image.
    expect(bytes.length).toBe(at + 8 + 5 * 24);
  });

  it('where nothing can draw (no canvas or CJK font), a missing character prints as 〓 and the line stays text', () => {
    const d = decodeEscPos(new EscPos(() => undefined).line('䶮A').bytes());
    expect(d.text).toEqual(['〓A']);
    expect(d.images).toHaveLength(0);
  });

  it('has partial cut and real-time status requests', () => {
    expect(hex(new EscPos().cut(3).bytes())).toBe('1b40' + '1d564203');
    expect(hex(statusRequest(4))).toBe('100404');
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { columnOf, decodeEscPos, renderText } from './escpos-decoder.js';

const bytes = (...parts: (number[] | Buffer)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const gb = (s: string) => iconv.encode(s, 'gb18030');

describe('ESC/POS decoder (test oracle)', () => {
  it('reads Chinese only between FS & and FS ., as GB18030 double bytes two columns wide', () => {
    const d = decodeEscPos(bytes([0x1b, 0x40], [0x1c, 0x26], gb('中文'), [0x1c, 0x2e], [0x41, 0x0a]));
    expect(d.text).toEqual(['中文A']);
    expect(d.lines[0]!.cols).toEqual([2, 2, 1]);
  });

  it('without FS & the same bytes are single-byte code page text, not Chinese', () => {
    const d = decodeEscPos(bytes(gb('中'), [0x0a]));
    expect(d.text[0]).not.toContain('中');
    expect([...d.text[0]!]).toHaveLength(2);
  });

  it('reads four-byte GB18030 in Chinese mode', () => {
    const d = decodeEscPos(bytes([0x1c, 0x26], gb('𠀾'), [0x0a]));
    expect(d.text).toEqual(['𠀾']);
  });

  it('follows ESC t: PC866 for Russian', () => {
    const d = decodeEscPos(bytes([0x1b, 0x74, 17], iconv.encode('Привет', 'cp866'), [0x0a]));
    expect(d.text).toEqual(['Привет']);
  });

  it('takes the QR payload from the GS ( k store, its length counted in bytes', () => {
    const data = Buffer.from('https://x/查', 'utf8');
    const len = data.length + 3;
    const d = decodeEscPos(
      bytes(
        [0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0],
        [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
        [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 49],
        [0x1d, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30],
        data,
        [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
      ),
    );
    expect(d.qr).toEqual(['https://x/查']);
    expect(d.items[0]).toMatchObject({ type: 'qr', size: 6, level: 'M' });
  });

  it('counts raster images with their size, cuts, alignment and status requests', () => {
    const d = decodeEscPos(
      bytes([0x10, 0x04, 4], [0x1b, 0x61, 1], [0x1d, 0x76, 0x30, 0, 2, 0, 3, 0], new Array(6).fill(0xff), [0x1b, 0x61, 2, 0x42, 0x0a], [0x1d, 0x56, 66, 3], [0x1d, 0x56, 1]),
    );
    expect(d.images).toHaveLength(1);
    expect(d.images[0]).toMatchObject({ width: 16, height: 3, align: 'center' });
    expect(d.lines[0]).toMatchObject({ text: 'B', align: 'right' });
    expect(d.cuts).toBe(2);
    expect(d.statusRequests).toEqual([4]);
  });

  it('tracks bold and character size, and counts magnified columns', () => {
    const d = decodeEscPos(bytes([0x1b, 0x45, 1, 0x1d, 0x21, 0x11], [0x1c, 0x26], gb('号'), [0x1c, 0x2e], [0x31, 0x0a]));
    expect(d.lines[0]).toMatchObject({ text: '号1', bold: true, width: 2, height: 2, cols: [4, 2] });
    expect(columnOf(d.lines[0]!, '1')).toBe(4);
  });

  it('rejects bytes that are no command it knows, so garbage cannot pass a test', () => {
    expect(() => decodeEscPos(bytes([0x1b, 0x99, 0]))).toThrow(/Unknown command ESC/);
    expect(() => decodeEscPos(bytes([0x07]))).toThrow(/control byte/);
    expect(() => decodeEscPos(bytes([0x1d, 0x76, 0x30, 0, 2, 0, 3, 0, 1]))).toThrow(/Truncated/);
  });

  it('renders a text picture: a centred line in display columns, then the cut', () => {
    const d = decodeEscPos(bytes([0x1b, 0x61, 1], [0x1c, 0x26], gb('排队号'), [0x1c, 0x2e, 0x0a], [0x1d, 0x56, 66, 3]));
    expect(renderText(d, 10)).toBe('  排队号\n---------- ✂\n');
  });
});

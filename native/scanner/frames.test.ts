import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FrameSplitter, MAX_FRAME_BYTES, decodeFrame } from './frames.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Feeds the chunks in order and collects every code delivered. */
function feed(chunks: Uint8Array[]): string[] {
  const splitter = new FrameSplitter();
  return chunks.flatMap((c) => splitter.push(c));
}

describe('FrameSplitter', () => {
  it('delivers a code ended by CR, by LF and by CRLF, once each', () => {
    expect(feed([utf8('A012\r')])).toEqual(['A012']);
    expect(feed([utf8('A012\n')])).toEqual(['A012']);
    expect(feed([utf8('A012\r\nB013\r\n')])).toEqual(['A012', 'B013']);
  });

  it('holds a code until its terminator arrives, however the reads split it', () => {
    const splitter = new FrameSplitter();
    expect(splitter.push(utf8('AP-2024'))).toEqual([]);
    expect(splitter.push(utf8('-0001'))).toEqual([]);
    expect(splitter.push(utf8('7\r'))).toEqual(['AP-2024-00017']);
  });

  it('a CRLF split between two reads ends one code, not two', () => {
    expect(feed([utf8('A012\r'), utf8('\nB013\r'), utf8('\n')])).toEqual(['A012', 'B013']);
  });

  it('two codes in one read come out as two codes, in order', () => {
    expect(feed([utf8('A012\rA013\r')])).toEqual(['A012', 'A013']);
  });

  it('Chinese QR content survives even when a character is split across reads', () => {
    const bytes = utf8('商务厅·预约码 YY20240517\r\n');
    // 商 is three bytes: cut after its first byte, then in the middle of 务.
    expect(feed([bytes.slice(0, 1), bytes.slice(1, 5), bytes.slice(5)])).toEqual(['商务厅·预约码 YY20240517']);
  });

  it('falls back to GB18030 when a scanner sends the Chinese code page', () => {
    const gb = iconv.encode('黑龙江省商务厅 拍卖许可', 'gb18030');
    expect(feed([new Uint8Array(gb), utf8('\r')])).toEqual(['黑龙江省商务厅 拍卖许可']);
    // Short GB18030 text that is also valid UTF-8 (of unlikely letters) still reads as Chinese.
    expect(decodeFrame(new Uint8Array(iconv.encode('预约', 'gb18030')))).toBe('预约');
    expect(decodeFrame(new Uint8Array(iconv.encode('学', 'gb18030')))).toBe('学');
    // Russian and accented Latin in UTF-8 stay as they are.
    expect(decodeFrame(utf8('Талон № 12 · café'))).toBe('Талон № 12 · café');
  });

  it('ignores blank lines and a UTF-8 byte order mark', () => {
    expect(feed([utf8('\r\n\r\n\uFEFFA012\r\n\n')])).toEqual(['A012']);
  });

  it('drops an endless frame (noise) but reads the next one normally', () => {
    const noise = new Uint8Array(MAX_FRAME_BYTES + 10).fill(0x41);
    expect(feed([noise, utf8('\rB013\r')])).toEqual(['B013']);
  });

  it('reset() forgets a half-received code from an unplugged device', () => {
    const splitter = new FrameSplitter();
    splitter.push(utf8('A01'));
    splitter.reset();
    expect(splitter.push(utf8('B013\r'))).toEqual(['B013']);
  });
});

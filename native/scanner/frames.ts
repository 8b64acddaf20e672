import iconv from 'iconv-lite';

const CR = 0x0d;
const LF = 0x0a;
/** A frame longer than this without a terminator is noise (or a scanner set to send no suffix): dropped. */
export const MAX_FRAME_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Characters a scanned code plausibly holds: ASCII, Latin-1, Russian, punctuation, CJK. */
function plausible(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const ok =
      cp < 0x80 ||
      (cp >= 0xa0 && cp <= 0xff) ||
      (cp >= 0x400 && cp <= 0x45f) ||
      (cp >= 0x2000 && cp <= 0x206f) ||
      (cp >= 0x2100 && cp <= 0x214f) ||
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xff00 && cp <= 0xffef) ||
      (cp >= 0x20000 && cp <= 0x3ffff);
    if (!ok) return false;
  }
  return true;
}

/**
 * UTF-8 when the bytes are valid UTF-8, GB18030 otherwise (scanners set to the Chinese code page).
 * Short GB18030 text can also be valid UTF-8 (预约 = D4 A4 D4 BC reads as two Cyrillic-supplement
 * letters), so valid UTF-8 of implausible characters loses to a clean GB18030 reading.
 */
export function decodeFrame(bytes: Uint8Array): string {
  let asUtf8: string | undefined;
  try {
    asUtf8 = utf8.decode(bytes);
  } catch {
    asUtf8 = undefined;
  }
  if (asUtf8 !== undefined && plausible(asUtf8)) return asUtf8;
  const asGb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (asUtf8 === undefined || (plausible(asGb) && !asGb.includes('\uFFFD'))) return asGb;
  return asUtf8;
}

/**
 * Cuts a serial byte stream into scanned codes. A frame ends at CR, LF or CRLF, however the bytes
 * were split across reads. Cutting bytes before decoding is safe: no multi-byte UTF-8 or GB18030
 * sequence contains 0x0D or 0x0A. Empty frames (a lone terminator) are ignored.
 */
export class FrameSplitter {
  private pending: number[] = [];
  /** The previous chunk ended in CR: a LF at the start of the next one belongs to it. */
  private afterCr = false;
  /** The current frame grew past MAX_FRAME_BYTES: skip to the next terminator. */
  private overflow = false;

  push(chunk: Uint8Array): string[] {
    const codes: string[] = [];
    for (const byte of chunk) {
      if (byte === LF && this.afterCr) {
        this.afterCr = false;
        continue;
      }
      this.afterCr = byte === CR;
      if (byte === CR || byte === LF) {
        if (this.pending.length > 0 && !this.overflow) codes.push(decodeFrame(Uint8Array.from(this.pending)));
        this.pending = [];
        this.overflow = false;
      } else if (this.pending.length < MAX_FRAME_BYTES) {
        this.pending.push(byte);
      } else {
        this.overflow = true;
      }
    }
    return codes.map((c) => c.replace(/^\uFEFF/, '')).filter((c) => c.length > 0);
  }

  /** Forgets a half-received frame, e.g. when the device was unplugged mid-scan. */
  reset(): void {
    this.pending = [];
    this.afterCr = false;
    this.overflow = false;
  }
}

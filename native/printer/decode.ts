import iconv from 'iconv-lite';

/**
 * Reads an ESC/POS job back into what a Chinese receipt printer would put on paper: text lines
 * (FS & / FS . Chinese mode with GB18030, ESC t code pages), QR payloads, raster images, cuts.
 * Strict: an unknown command throws, so a stray byte fails a test instead of passing unnoticed.
 * Used by the preview printer and as the test oracle (tests/devices/escpos-decoder.ts).
 */

export type Align = 'left' | 'center' | 'right';

export interface DecodedLine {
  text: string;
  /** Display columns each character of `text` takes (2 for double byte, times the width magnification). */
  cols: number[];
  align: Align;
  bold: boolean;
  width: number;
  height: number;
}

export interface DecodedImage {
  width: number;
  height: number;
  align: Align;
  /** Packed rows, MSB first, 1 = black. */
  data: Uint8Array;
}

export type DecodedItem =
  | { type: 'line'; line: DecodedLine }
  | { type: 'qr'; data: string; size: number; level: string }
  | { type: 'image'; image: DecodedImage }
  | { type: 'cut' }
  | { type: 'status'; n: number };

export interface Decoded {
  items: DecodedItem[];
  lines: DecodedLine[];
  /** The text of every line, in order. */
  text: string[];
  qr: string[];
  images: DecodedImage[];
  cuts: number;
  statusRequests: number[];
}

const CODE_PAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 16: 'cp1252', 17: 'cp866', 46: 'cp1251' };
const ALIGNS: Align[] = ['left', 'center', 'right'];
const QR_LEVELS: Record<number, string> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

export function decodeEscPos(input: Uint8Array): Decoded {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const items: DecodedItem[] = [];
  let align: Align = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let chinese = false;
  let codePage = 0;
  let qrData = '';
  let qrSize = 3;
  let qrLevel = 'L';
  let text = '';
  let cols: number[] = [];
  let graphic: { x: number; y: number; at: number } | undefined;
  let i = 0;

  const need = (n: number, what: string) => {
    if (i + n > bytes.length) throw new Error(`Truncated ${what} at byte ${i}`);
  };
  const flush = () => {
    items.push({ type: 'line', line: { text, cols, align, bold, width, height } });
    text = '';
    cols = [];
  };
  const reset = () => {
    align = 'left';
    bold = false;
    width = height = 1;
    chinese = false;
    codePage = 0;
  };

  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x1b) {
      need(2, 'ESC');
      const c = bytes[i + 1]!;
      const n = bytes[i + 2];
      if (c === 0x40) {
        reset();
        i += 2;
        continue;
      }
      if (c === 0x24 || c === 0x5c) {
        // ESC $ (absolute) and ESC \ (relative) horizontal position in dots: 12 dots a column.
        need(4, 'ESC position');
        const raw = bytes[i + 2]! | (bytes[i + 3]! << 8);
        const used = cols.reduce((a, b) => a + b, 0);
        const target = c === 0x24 ? Math.round(raw / 12) : used + Math.round((raw >= 0x8000 ? raw - 0x10000 : raw) / 12);
        for (let k = used; k < target; k++) {
          text += ' ';
          cols.push(1);
        }
        i += 4;
        continue;
      }
      need(3, `ESC ${c.toString(16)}`);
      if (c === 0x61) align = ALIGNS[n! % 48] ?? 'left';
      else if (c === 0x45) bold = (n! & 1) === 1;
      else if (c === 0x74) {
        if (!CODE_PAGES[n!]) throw new Error(`Unknown code page ${n} at byte ${i}`);
        codePage = n!;
      } else if (c === 0x64) {
        if (text) flush();
        for (let k = 0; k < n!; k++) flush();
      } else if (c === 0x21) {
        bold = (n! & 0x08) !== 0;
        height = n! & 0x10 ? 2 : 1;
        width = n! & 0x20 ? 2 : 1;
      } else if (![0x2d, 0x4d, 0x33, 0x4a, 0x20, 0x7b].includes(c)) throw new Error(`Unknown command ESC 0x${c.toString(16)} at byte ${i}`);
      i += 3;
    } else if (b === 0x1c) {
      need(2, 'FS');
      const c = bytes[i + 1]!;
      if (c === 0x26) chinese = true;
      else if (c === 0x2e) chinese = false;
      else if (c === 0x21 || c === 0x2d) {
        i += 3;
        continue;
      } else if (c === 0x53) {
        i += 4;
        continue;
      } else if (c === 0x28) {
        need(5, 'FS (');
        i += 5 + (bytes[i + 3]! | (bytes[i + 4]! << 8));
        continue;
      } else throw new Error(`Unknown command FS 0x${c.toString(16)} at byte ${i}`);
      i += 2;
    } else if (b === 0x10) {
      need(3, 'DLE');
      if (bytes[i + 1] !== 0x04) throw new Error(`Unknown command DLE 0x${bytes[i + 1]!.toString(16)} at byte ${i}`);
      items.push({ type: 'status', n: bytes[i + 2]! });
      i += 3;
    } else if (b === 0x1d) {
      need(2, 'GS');
      const c = bytes[i + 1]!;
      if (c === 0x21) {
        need(3, 'GS !');
        const n = bytes[i + 2]!;
        width = (n >> 4) + 1;
        height = (n & 0x0f) + 1;
        i += 3;
      } else if (c === 0x56) {
        need(3, 'GS V');
        const m = bytes[i + 2]!;
        if (text) flush();
        items.push({ type: 'cut' });
        i += [0, 1, 48, 49].includes(m) ? 3 : 4;
      } else if (c === 0x28 && bytes[i + 2] === 0x6b) {
        need(7, 'GS ( k');
        const len = bytes[i + 3]! | (bytes[i + 4]! << 8);
        need(5 + len, 'GS ( k');
        const cn = bytes[i + 5]!;
        const fn = bytes[i + 6]!;
        if (cn !== 0x31) throw new Error(`Only QR (cn 49) is supported, got ${cn} at byte ${i}`);
        if (fn === 0x43) qrSize = bytes[i + 7]!;
        else if (fn === 0x45) qrLevel = QR_LEVELS[bytes[i + 7]!] ?? '?';
        else if (fn === 0x50) qrData = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i + 8, i + 5 + len));
        else if (fn === 0x51) {
          if (text) flush();
          items.push({ type: 'qr', data: qrData, size: qrSize, level: qrLevel });
        }
        i += 5 + len;
      } else if (c === 0x76 && bytes[i + 2] === 0x30) {
        need(8, 'GS v 0');
        const x = bytes[i + 4]! | (bytes[i + 5]! << 8);
        const y = bytes[i + 6]! | (bytes[i + 7]! << 8);
        need(8 + x * y, 'GS v 0 data');
        if (text) flush();
        items.push({ type: 'image', image: { width: x * 8, height: y, align, data: Uint8Array.from(bytes.subarray(i + 8, i + 8 + x * y)) } });
        i += 8 + x * y;
      } else if (c === 0x38 && bytes[i + 2] === 0x4c) {
        // GS 8 L: graphics data with a 32-bit length; function 112 stores a raster image.
        need(7, 'GS 8 L');
        const len = bytes.readUInt32LE(i + 3);
        need(7 + len, 'GS 8 L data');
        if (bytes[i + 8] === 112) graphic = { x: bytes.readUInt16LE(i + 13), y: bytes.readUInt16LE(i + 15), at: i + 17 };
        i += 7 + len;
      } else if (c === 0x28 && bytes[i + 2] === 0x4c) {
        // GS ( L: function 50 prints the stored graphics.
        need(7, 'GS ( L');
        const len = bytes[i + 3]! | (bytes[i + 4]! << 8);
        if (bytes[i + 6] === 50 && graphic) {
          if (text) flush();
          const rowBytes = Math.ceil(graphic.x / 8);
          const data = Uint8Array.from(bytes.subarray(graphic.at, graphic.at + rowBytes * graphic.y));
          items.push({ type: 'image', image: { width: rowBytes * 8, height: graphic.y, align, data } });
        }
        i += 5 + len;
      } else if (c === 0x42 || c === 0x72 || c === 0x61) {
        i += 3;
      } else if (c === 0x4c || c === 0x57) {
        i += 4;
      } else throw new Error(`Unknown command GS 0x${c.toString(16)} at byte ${i}`);
    } else if (b < 0x20 || b === 0x7f) {
      throw new Error(`Unexpected control byte 0x${b.toString(16)} at byte ${i}`);
    } else if (b < 0x80) {
      text += String.fromCharCode(b);
      cols.push(width);
      i += 1;
    } else if (chinese) {
      const four = bytes[i + 1] !== undefined && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39;
      const n = four ? 4 : 2;
      need(n, 'GB18030 character');
      text += iconv.decode(bytes.subarray(i, i + n), 'gb18030');
      cols.push(2 * width);
      i += n;
    } else {
      text += iconv.decode(bytes.subarray(i, i + 1), CODE_PAGES[codePage]!);
      cols.push(width);
      i += 1;
    }
  }
  if (text) flush();

  const lines = items.flatMap((it) => (it.type === 'line' ? [it.line] : []));
  return {
    items,
    lines,
    text: lines.map((l) => l.text),
    qr: items.flatMap((it) => (it.type === 'qr' ? [it.data] : [])),
    images: items.flatMap((it) => (it.type === 'image' ? [it.image] : [])),
    cuts: items.filter((it) => it.type === 'cut').length,
    statusRequests: items.flatMap((it) => (it.type === 'status' ? [it.n] : [])),
  };
}

/** The display column where `needle` starts in a decoded line, or -1. */
export function columnOf(line: DecodedLine, needle: string): number {
  const chars = [...line.text];
  const at = line.text.indexOf(needle);
  if (at < 0) return -1;
  const index = [...line.text.slice(0, at)].length;
  return chars.slice(0, index).reduce((n, _, k) => n + line.cols[k]!, 0);
}

/** A plain-text picture of the job: lines as printed (centred and right-aligned in `columns`), QR and images as markers. */
export function renderText(decoded: Decoded, columns = 48): string {
  const out: string[] = [];
  const place = (s: string, w: number, align: Align) => {
    const gap = Math.max(0, columns - w);
    return align === 'center' ? ' '.repeat(Math.floor(gap / 2)) + s : align === 'right' ? ' '.repeat(gap) + s : s;
  };
  for (const it of decoded.items) {
    if (it.type === 'line') out.push(place(it.line.text, it.line.cols.reduce((a, b) => a + b, 0), it.line.align).trimEnd());
    else if (it.type === 'qr') out.push(place(`[QR ${it.data}]`, it.data.length + 5, 'center'));
    else if (it.type === 'image') out.push(place(`[image ${it.image.width}x${it.image.height}]`, 16, it.image.align));
    else if (it.type === 'cut') out.push('-'.repeat(columns) + ' ✂');
  }
  return out.join('\n') + '\n';
}

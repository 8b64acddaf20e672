import { cells, CP866_PAGE, encodeCell, type Cell } from './charset.js';
import { drawLine, type Bitmap, type DrawLine } from './glyphs.js';

// ESC/POS is written here byte by byte rather than through node-thermal-printer: its Chinese path
// sends ESC R 15 + GBK without FS &, falls back to EUC-JP, miscounts QR lengths for non-ASCII data
// and counts characters instead of columns (DESIGN.md section 6); the few commands we need are short.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL: Record<QrLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

export interface LineStyle {
  align?: Align;
  bold?: boolean;
  /** Character magnification, 1–8 each way (GS !). */
  width?: number;
  height?: number;
}

/** Builds one ESC/POS job. Text goes out line by line; a line with a character no printer font has is drawn. */
export class EscPos {
  private readonly chunks: number[] = [];
  private chinese = false;
  private codePage = 0;

  constructor(private readonly draw: DrawLine = drawLine) {
    this.init();
  }

  raw(...bytes: number[]): this {
    for (const b of bytes) this.chunks.push(b & 0xff);
    return this;
  }

  private append(bytes: Uint8Array): void {
    for (const b of bytes) this.chunks.push(b);
  }

  /** ESC @: resets modes; the printer starts in its default code page with Chinese mode off. */
  init(): this {
    this.chinese = false;
    this.codePage = 0;
    return this.raw(ESC, 0x40);
  }

  align(align: Align): this {
    return this.raw(ESC, 0x61, ALIGN[align]);
  }

  bold(on: boolean): this {
    return this.raw(ESC, 0x45, on ? 1 : 0);
  }

  /** GS !: width and height multipliers 1–8 (Chinese characters follow on the printers we target). */
  size(width = 1, height = 1): this {
    const w = Math.min(8, Math.max(1, width)) - 1;
    const h = Math.min(8, Math.max(1, height)) - 1;
    return this.raw(GS, 0x21, (w << 4) | h);
  }

  private chineseMode(on: boolean): void {
    if (on === this.chinese) return;
    this.raw(FS, on ? 0x26 : 0x2e);
    this.chinese = on;
  }

  private selectCodePage(page: number): void {
    if (page === this.codePage) return;
    this.raw(ESC, 0x74, page);
    this.codePage = page;
  }

  /** Text of one line without the line feed; cells no font has must not reach here. */
  private textCells(line: Cell[]): void {
    for (const cell of line) {
      if (cell.kind === 'gb') this.chineseMode(true);
      if (cell.kind === 'cyrillic') {
        this.chineseMode(false);
        this.selectCodePage(CP866_PAGE);
      }
      this.append(encodeCell(cell));
    }
  }

  /** One line of text (already fitted to the paper) and a line feed, with its style. */
  line(text = '', style: LineStyle = {}): this {
    const line = cells(text);
    const width = style.width ?? 1;
    const height = style.height ?? 1;
    this.align(style.align ?? 'left');
    if (style.bold) this.bold(true);
    if (width !== 1 || height !== 1) this.size(width, height);
    const drawn = line.some((c) => c.kind === 'bitmap') ? this.draw(line, { scaleW: width, scaleH: height, bold: style.bold }) : undefined;
    if (drawn) {
      this.raster(drawn);
    } else {
      // Without a way to draw, a missing character prints as the geta mark 〓, as Chinese typesetting marks one.
      for (const c of line) if (c.kind === 'bitmap') Object.assign(c, { ch: '〓', kind: 'gb' });
      this.textCells(line);
      this.chineseMode(false);
      this.raw(LF);
    }
    if (width !== 1 || height !== 1) this.size(1, 1);
    if (style.bold) this.bold(false);
    return this;
  }

  feed(lines = 1): this {
    return this.raw(ESC, 0x64, lines);
  }

  /**
   * GS ( k, model 2: module size, error level, store (length counted in bytes of UTF-8, plus 3), print.
   */
  qr(data: string, options: { size?: number; level?: QrLevel } = {}): this {
    const bytes = new TextEncoder().encode(data);
    const len = bytes.length + 3;
    this.raw(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0);
    this.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, options.size ?? 6);
    this.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_LEVEL[options.level ?? 'M']);
    this.raw(GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30);
    this.append(bytes);
    return this.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30);
  }

  /** GS v 0: a raster image at normal density; its width is a whole number of bytes. */
  raster(image: Bitmap): this {
    const x = image.width / 8;
    this.raw(GS, 0x76, 0x30, 0, x & 0xff, x >> 8, image.height & 0xff, image.height >> 8);
    this.append(image.data);
    return this;
  }

  /** GS V 66 n: feed n lines past the cutter, then a partial cut. */
  cut(feedLines = 3): this {
    return this.raw(GS, 0x56, 66, feedLines);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** DLE EOT n: real-time status; n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, 0x04, n);
}

import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import type { Cell } from './charset.js';

/** A 1-bit image, rows packed MSB first, 1 = black: the layout of ESC/POS `GS v 0`. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Dots of one display column and of one text line at normal size (font A, 12×24). */
export const COLUMN_DOTS = 12;
export const LINE_DOTS = 24;

/** Noto CJK (Debian's fonts-noto-cjk) covers CJK extensions A and B, which printer fonts lack. */
const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK", "Noto Serif CJK SC", "Noto Serif CJK JP", sans-serif';

type CanvasModule = typeof Canvas;
let canvasModule: CanvasModule | null | undefined;

/**
 * The canvas, loaded on first use so slips without rare characters never load it; null when it
 * cannot load or no font with CJK extension glyphs is installed.
 */
function canvas(): CanvasModule | null {
  if (canvasModule === undefined) {
    try {
      const mod = createRequire(import.meta.url)('@napi-rs/canvas') as CanvasModule;
      canvasModule = mod.GlobalFonts.families.some((f) => /CJK|Source Han|WenQuanYi|Droid Sans Fallback/i.test(f.family)) ? mod : null;
    } catch {
      canvasModule = null;
    }
  }
  return canvasModule;
}

export type DrawLine = typeof drawLine;

/**
 * Draws a line of cells on the printer's column grid, so a drawn line is as wide as the same
 * line would be in text; `scaleW`/`scaleH` follow the character size (GS !). Undefined when
 * nothing can draw here (see canvas()).
 */
export function drawLine(line: Cell[], { scaleW = 1, scaleH = 1, bold = false } = {}): Bitmap | undefined {
  const cols = line.reduce((n, c) => n + c.cols, 0);
  const width = Math.max(8, Math.ceil((cols * COLUMN_DOTS * scaleW) / 8) * 8);
  const height = LINE_DOTS * scaleH;
  const mod = canvas();
  if (!mod) return undefined;
  const { createCanvas } = mod;
  const surface = createCanvas(width, height);
  const ctx = surface.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.scale(scaleW, scaleH);
  ctx.fillStyle = '#000';
  ctx.font = `${bold ? 'bold ' : ''}22px ${FONT_STACK}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  let col = 0;
  for (const c of line) {
    ctx.fillText(c.ch, (col + c.cols / 2) * COLUMN_DOTS, LINE_DOTS / 2);
    col += c.cols;
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const rowBytes = width / 8;
  const data = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const lum = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
      if (lum < 128) data[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, data };
}

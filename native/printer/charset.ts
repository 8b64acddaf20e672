import iconv from 'iconv-lite';

/**
 * How one character goes to a Chinese ESC/POS printer:
 * - `ascii`: one byte, prints in either mode;
 * - `cyrillic`: one byte of code page PC866 (ESC t 17) with Chinese mode off, so Russian is half width;
 * - `gb`: GB18030 double byte inside FS & … FS . (two columns);
 * - `bitmap`: no font on the printer has it; drawn and sent as a raster image (two columns).
 */
export type CharClass = 'ascii' | 'cyrillic' | 'gb' | 'bitmap';

export const CP866_PAGE = 17;

export interface Cell {
  ch: string;
  kind: CharClass;
  /** Display columns at normal size: 1 for a single byte, 2 for a double-byte or drawn character. */
  cols: number;
}

const CYRILLIC = /^[\u0400-\u045f\u2116]$/u;

/**
 * FE50–FEA0 holds the characters whose GB18030 mapping changed between the 2000, 2005 and 2022
 * editions (iconv-lite maps 䶮 U+4DAE to FE9F); printer fonts leave those codes blank, so they are drawn.
 */
function isPrintableGb(bytes: Buffer): boolean {
  if (bytes.length !== 2) return false;
  const code = (bytes[0]! << 8) | bytes[1]!;
  return !(code >= 0xfe50 && code <= 0xfea0);
}

export function classify(ch: string): CharClass {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return 'ascii';
  if (CYRILLIC.test(ch)) return 'cyrillic';
  return isPrintableGb(iconv.encode(ch, 'gb18030')) ? 'gb' : 'bitmap';
}

/** Invisible characters that would otherwise be drawn as boxes. */
function invisible(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff;
}

export function cells(text: string): Cell[] {
  const out: Cell[] = [];
  for (const raw of text.replace(/\t/g, ' ')) {
    if (invisible(raw.codePointAt(0)!)) continue;
    const kind = classify(raw);
    out.push({ ch: raw, kind, cols: kind === 'ascii' || kind === 'cyrillic' ? 1 : 2 });
  }
  return out;
}

/** Display columns of a text at normal size (a CJK character is two). */
export function displayWidth(text: string): number {
  return cells(text).reduce((n, c) => n + c.cols, 0);
}

export function encodeCell(cell: Cell): Buffer {
  if (cell.kind === 'ascii') return Buffer.from(cell.ch, 'latin1');
  if (cell.kind === 'cyrillic') return iconv.encode(cell.ch, 'cp866');
  if (cell.kind === 'gb') return iconv.encode(cell.ch, 'gb18030');
  throw new Error(`"${cell.ch}" has no printer font; draw it`);
}

/** Pads (or cuts) a text to exactly `width` display columns. */
export function fit(text: string, width: number, align: 'left' | 'right' | 'center' = 'left'): string {
  let out = '';
  let used = 0;
  for (const c of cells(text)) {
    if (used + c.cols > width) break;
    out += c.ch;
    used += c.cols;
  }
  const gap = width - used;
  if (align === 'right') return ' '.repeat(gap) + out;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + out + ' '.repeat(gap - Math.floor(gap / 2));
  return out + ' '.repeat(gap);
}

/** Runs of spaces, runs of narrow characters (a word), and each wide character alone. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const c of cells(text)) {
    const kind = c.ch === ' ' ? 'space' : c.cols === 1 ? 'word' : 'wide';
    if (kind === 'wide') {
      if (word) tokens.push(word);
      word = '';
      tokens.push(c.ch);
    } else if (kind === 'space') {
      if (word) tokens.push(word);
      word = '';
      const last = tokens[tokens.length - 1];
      if (last?.startsWith(' ')) tokens[tokens.length - 1] = last + ' ';
      else tokens.push(' ');
    } else word += c.ch;
  }
  if (word) tokens.push(word);
  return tokens;
}

/**
 * Breaks a text into lines of at most `width` display columns: between any two CJK characters,
 * at spaces between words, and inside a word only when the word alone is wider than a line.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = tokenize(paragraph);
    let line = '';
    let used = 0;
    const flush = () => {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    };
    for (const token of tokens) {
      const w = displayWidth(token);
      if (/^ +$/.test(token)) {
        if (used > 0 && used + w <= width) {
          line += token;
          used += w;
        }
        continue;
      }
      if (used + w <= width) {
        line += token;
        used += w;
        continue;
      }
      if (used > 0) flush();
      if (w <= width) {
        line = token;
        used = w;
        continue;
      }
      for (const c of cells(token)) {
        if (used + c.cols > width) flush();
        line += c.ch;
        used += c.cols;
      }
    }
    if (used > 0 || lines.length === 0 || paragraph === '') flush();
  }
  return lines;
}

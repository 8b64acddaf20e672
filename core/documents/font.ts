import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A CJK font for certificate PDFs. pdfkit embeds it as a subset through upstream fontkit 2 (which
 * subsets CID-keyed CFF correctly; the @pdf-lib fork blanks glyphs). A .ttc collection holds several
 * fonts, so pdfkit needs the PostScript name of the one to use (`family`), else it fails to open it.
 */
export interface CjkFont {
  file: string;
  /** PostScript name inside a .ttc collection; undefined for a single-font file. */
  family?: string;
}

const ASSET_FONTS = path.resolve(import.meta.dirname, '../../assets/fonts');

/** Known places, serif (the look of printed certificates) first; the simplified-Chinese face of each collection. */
const KNOWN: CjkFont[] = [
  { file: path.join(ASSET_FONTS, 'certificate.otf') },
  { file: path.join(ASSET_FONTS, 'certificate.ttf') },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { file: 'C:\\Windows\\Fonts\\simhei.ttf' },
];

/** `CERT_FONT=/path/font.ttc#PostScriptName` (or a plain .ttf/.otf path) wins over the known places. */
export function parseFontSpec(spec: string): CjkFont {
  const hash = spec.lastIndexOf('#');
  return hash > 0 ? { file: spec.slice(0, hash), family: spec.slice(hash + 1) } : { file: spec };
}

/** The font certificates are drawn in; throws, saying where it looked, when there is none. */
export function findCjkFont(env: Record<string, string | undefined> = process.env, exists: (file: string) => boolean = existsSync): CjkFont {
  const configured = env.CERT_FONT?.trim();
  if (configured) {
    const font = parseFontSpec(configured);
    if (!exists(font.file)) throw new Error(`CERT_FONT names ${font.file}, which does not exist`);
    if (font.file.toLowerCase().endsWith('.ttc') && !font.family) throw new Error(`CERT_FONT names a font collection (${font.file}): add #PostScriptName, e.g. #NotoSerifCJKsc-Regular`);
    return font;
  }
  const found = KNOWN.find((f) => exists(f.file));
  if (!found)
    throw new Error(
      `No Chinese font for certificates: install fonts-noto-cjk, put certificate.otf in assets/fonts, or set CERT_FONT (looked in ${KNOWN.map((f) => f.file).join(', ')})`,
    );
  return found;
}

const loaded = new Map<string, Buffer>();

/** The font file's bytes, read once per process: a CJK collection is 20 MB and every certificate needs it. */
export function fontBytes(file: string): Buffer {
  let bytes = loaded.get(file);
  if (!bytes) {
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new Error(`Cannot read the certificate font ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
    }
    loaded.set(file, bytes);
  }
  return bytes;
}

import { hallDateTime } from '../../../core/common/hall-time.js';
import type { Lang } from '../../../core/contract/common.js';
import { displayWidth, fit, wrap } from '../charset.js';
import { EscPos, type LineStyle } from '../escpos.js';
import { translator, type Translate } from '../locales/index.js';

/** 48 columns of font A fit 80 mm paper (576 dots); 58 mm paper takes 32. */
export const DEFAULT_COLUMNS = 48;

/** The paper's width, and the hall's time zone that printed times are written in. */
export interface Layout {
  columns: number;
  timeZone: string;
}

/** A slip being laid out: text wrapped and aligned in display columns over an ESC/POS job. */
export class Page {
  readonly out = new EscPos();
  readonly t: Translate;
  readonly columns: number;

  constructor(
    lang: Lang,
    private readonly layout: Layout,
  ) {
    this.t = translator(lang);
    this.columns = layout.columns;
  }

  /** "2026-11-26 09:30" in the hall's zone, whatever offset the timestamp was written with. */
  time(iso: string): string {
    return hallDateTime(iso, this.layout.timeZone);
  }

  /** A paragraph wrapped to the paper width (divided by the character magnification). */
  text(text: string, style: LineStyle = {}): this {
    for (const line of wrap(text, Math.floor(this.columns / (style.width ?? 1)))) this.out.line(line, style);
    return this;
  }

  /** "Label: value" on one line when it fits, otherwise the label on its own line and the value under it. */
  field(label: string, value: string): this {
    const head = this.label(label);
    if (displayWidth(head) + displayWidth(value) <= this.columns) return this.text(head + value);
    this.out.line(head.trimEnd());
    return this.text(value);
  }

  /** A label and its colon: full width in Chinese, "Label: " otherwise. */
  label(label: string): string {
    return label + this.t('common.colon');
  }

  rule(): this {
    this.out.line('-'.repeat(this.columns));
    return this;
  }

  /**
   * Cells padded to fixed column widths and joined by one space. The first cell wraps; its
   * continuation lines are indented by the display width of `hang` (a "3. " list marker).
   */
  row(cells: { text: string; width: number; align?: 'left' | 'right' | 'center' }[], hang = ''): this {
    const [first, ...rest] = cells;
    if (!first) return this;
    const indent = displayWidth(hang);
    const lines = wrap(first.text, first.width - indent).map((l, i) => (i === 0 ? hang : ' '.repeat(indent)) + l);
    lines.forEach((line, i) => {
      const parts = [fit(line, first.width, first.align), ...rest.map((c) => fit(i === 0 ? c.text : '', c.width, c.align))];
      this.out.line(parts.join(' ').trimEnd());
    });
    return this;
  }

  qr(data: string, hint: string): this {
    this.out.align('center');
    this.out.qr(data, { size: this.columns >= 48 ? 6 : 5, level: 'M' });
    this.out.line('', { align: 'center' });
    return this.text(hint, { align: 'center' });
  }

  /** The rating code under the QR, large, and the line that says what it is for. */
  ratingCode(code: string | undefined): this {
    if (!code) return this;
    this.text(this.label(this.t('common.ratingCode')) + code, { align: 'center', bold: true, width: 2, height: 2 });
    return this.text(this.t('common.ratingCodeHint'), { align: 'center' });
  }

  finish(): Uint8Array {
    return this.out.feed(1).cut().bytes();
  }
}


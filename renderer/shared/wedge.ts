// Keyboard-wedge scanners "type" their code, followed by Enter, faster than any person can. This
// tells the two apart from key timing alone, so a scan never lands in the search field while
// people's typing (physical keyboard at a counter) is never delayed or altered.

export interface WedgeOptions {
  /** Largest gap between two keys of one scan, in ms. Scanners send a key every 1–20 ms. */
  maxGapMs?: number;
  /** Fewest characters a scan has; also how many fast characters it takes to recognise one. */
  minLength?: number;
  /** Keys that end a scan (KeyboardEvent.key values). */
  terminators?: readonly string[];
}

/** One keydown: its `key` and its time in ms (KeyboardEvent.timeStamp). */
export interface WedgeKey {
  key: string;
  time: number;
}

/** What to do with one key, and what became of the keys before it. */
export interface WedgeVerdict {
  /** The key belongs to a scan: prevent its default action and stop it. */
  consume: boolean;
  /** A complete scanned code. */
  scan?: string;
  /**
   * The first characters of that scan, which went through as ordinary typing before the burst
   * was recognisable (the first `minLength - 1` keys): remove them from the focused field.
   */
  retract?: string;
  /** Characters held back for what turned out not to be a scan: type them into the focused field. */
  release?: string;
}

const MODIFIERS = new Set(['Shift', 'CapsLock']);

export class WedgeDetector {
  private readonly maxGap: number;
  private readonly minLength: number;
  private readonly terminators: ReadonlySet<string>;
  private chars: string[] = [];
  /** How many of `chars` went through to the page (the rest were consumed). */
  private passed = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeOptions = {}) {
    this.maxGap = options.maxGapMs ?? 35;
    this.minLength = Math.max(2, options.minLength ?? 4);
    this.terminators = new Set(options.terminators ?? ['Enter']);
  }

  private get recognised(): boolean {
    return this.chars.length >= this.minLength;
  }

  key({ key, time }: WedgeKey): WedgeVerdict {
    // Scanners press Shift for capitals: it neither breaks nor extends a burst.
    if (MODIFIERS.has(key)) return { consume: this.recognised };
    const verdict: WedgeVerdict = { consume: false };
    if (this.chars.length > 0 && time - this.last > this.maxGap) Object.assign(verdict, this.expire());
    this.last = time;

    if (this.terminators.has(key)) {
      if (this.recognised) {
        Object.assign(verdict, { consume: true, scan: this.chars.join('') });
        if (this.passed > 0) verdict.retract = this.chars.slice(0, this.passed).join('');
      }
      this.clear();
      return verdict;
    }
    if ([...key].length !== 1) {
      // Backspace, arrows, Tab…: a person is editing. Whatever was held goes back.
      Object.assign(verdict, this.expire());
      return verdict;
    }
    this.chars.push(key);
    if (this.recognised) verdict.consume = true;
    else this.passed++;
    return verdict;
  }

  /** Call some time after the last key: a burst that stopped without a terminator gives back its held keys. */
  idle(now: number): WedgeVerdict | null {
    if (this.chars.length === 0 || now - this.last <= this.maxGap) return null;
    return { consume: false, ...this.expire() };
  }

  private expire(): Pick<WedgeVerdict, 'release'> {
    const held = this.chars.slice(this.passed).join('');
    this.clear();
    return held ? { release: held } : {};
  }

  private clear(): void {
    this.chars = [];
    this.passed = 0;
  }
}

/** The bits of an <input>/<textarea> the scanner hook edits. */
export interface EditableField {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setRangeText(replacement: string, start: number, end: number, selectionMode?: SelectionMode): void;
  dispatchEvent(event: Event): boolean;
}

/**
 * Removes `text` from just before the caret if it is there (a scan's first keys), and tells the
 * page with an input event so React state follows. Returns whether anything was removed.
 */
export function retractTyped(field: EditableField, text: string): boolean {
  const end = field.selectionStart;
  if (end === null || end !== field.selectionEnd || end < text.length) return false;
  if (field.value.slice(end - text.length, end) !== text) return false;
  field.setRangeText('', end - text.length, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/** Types `text` at the caret (replacing a selection), as if the held keys had gone through. */
export function insertTyped(field: EditableField, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

import type { Highlight } from '../contract/index.js';

/**
 * One folding for indexed text and queries alike: NFKC (full-width → half-width), lower case,
 * ё → е (Russian writers often type е), whitespace runs → one space. Control characters and the
 * private-use area are dropped: the index uses private-use characters as markers, so a query can
 * never contain one.
 */
const folded = new Map<string, string>();
function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    if (/\s/u.test(ch)) f = ' ';
    else if (/[\p{Cc}\p{Co}\p{Cs}]/u.test(ch)) f = '';
    else f = ch.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
    // Bounded: a cache of the characters actually seen (a few thousand), not of arbitrary input.
    if (folded.size < 50_000) folded.set(ch, f);
  }
  return f;
}

export function normalizeText(text: string): string {
  let norm = '';
  for (const ch of text) {
    const f = foldChar(ch);
    if (f === ' ' && (norm === '' || norm.endsWith(' '))) continue;
    norm += f;
  }
  return norm.endsWith(' ') ? norm.slice(0, -1) : norm;
}

export interface MappedText {
  norm: string;
  /** For each UTF-16 unit of `norm`: the [start, end) code-unit range of the source character it came from. */
  start: number[];
  end: number[];
}

export function normalizeWithMap(text: string): MappedText {
  let norm = '';
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const from = offset;
    offset += ch.length;
    let folded = foldChar(ch);
    if (folded === ' ' && (norm === '' || norm.endsWith(' '))) folded = '';
    for (let i = 0; i < folded.length; i++) {
      start.push(from);
      end.push(offset);
    }
    norm += folded;
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    start.pop();
    end.pop();
  }
  return { norm, start, end };
}

/** Splits `text` into runs by a per-code-unit hit mask. */
export function segments(text: string, hit: Uint8Array): Highlight {
  const out: Highlight = [];
  let i = 0;
  while (i < text.length) {
    const h = hit[i] === 1;
    let j = i + 1;
    while (j < text.length && (hit[j] === 1) === h) j++;
    out.push({ text: text.slice(i, j), hit: h });
    i = j;
  }
  return out;
}

/** Every occurrence of every term in `text` (compared after folding), as highlight runs over the original text. */
export function highlightTerms(text: string, terms: readonly string[]): Highlight {
  const { norm, start, end } = normalizeWithMap(text);
  const hit = new Uint8Array(text.length);
  for (const term of terms) {
    if (!term) continue;
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
      hit.fill(1, start[at], end[at + term.length - 1]);
    }
  }
  return segments(text, hit);
}

export function hasHit(h: Highlight): boolean {
  return h.some((s) => s.hit);
}

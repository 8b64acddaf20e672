/** The pinyin table (renderer/public/ime/pinyin.json): candidates per complete key and per half-typed syllable. */
export interface PinyinTable {
  /** Syllables and phrase keys ("shi", "chuangkou") → candidates, commonest first, space-separated. */
  e: Record<string, string>;
  /** Half-typed syllables ("zh", "zhon") → the commonest characters of the syllables they begin. */
  p: Record<string, string>;
}

export interface Candidate {
  text: string;
  /** How many typed letters choosing it uses up; the rest stay to be chosen next. */
  consumed: number;
}

export const PINYIN_MAX = 24;

const own = (o: Record<string, string>, k: string): string | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * Candidates for what has been typed: the whole of it as a phrase or syllable first, then the
 * longest phrase it starts with, then the characters of its first syllable, so "zhongguoren"
 * offers 中国人, else 中国, and always 中.
 */
export function candidates(table: PinyinTable, typed: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (list: string | undefined, consumed: number) => {
    for (const text of list ? list.split(' ') : []) {
      if (!seen.has(text)) {
        seen.add(text);
        out.push({ text, consumed });
      }
    }
  };
  const n = typed.length;
  if (!n) return out;
  add(own(table.e, typed) ?? own(table.p, typed), n);
  let phraseAdded = false;
  for (let len = n - 1; len >= 1; len--) {
    const list = own(table.e, typed.slice(0, len));
    if (!list) continue;
    const syllable = list.split(' ').some((c) => [...c].length === 1);
    if (syllable) {
      add(list, len);
      break;
    }
    if (!phraseAdded) {
      add(list, len);
      phraseAdded = true;
    }
  }
  return out;
}

import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin per character of a Chinese name, computed at import (pinyin-pro reads the whole
 * name, so polyphones like 行 in 银行 get their reading from context). Latin letters and digits
 * stand for themselves; punctuation gets '' and is skipped by pinyin and initials matching.
 * ü is written v, as on every pinyin keyboard.
 */
export function nameSyllables(name: string): string[] {
  const chars = Array.from(name);
  const all = pinyin(name, { type: 'all', toneType: 'none' });
  const aligned = all.length === chars.length && all.every((c, i) => c.origin === chars[i]);
  return chars.map((ch, i) => {
    const item = aligned ? all[i] : pinyin(ch, { type: 'all', toneType: 'none' })[0];
    if (item?.isZh && item.pinyin) return item.pinyin.toLowerCase().replace(/ü/g, 'v');
    const plain = ch.normalize('NFKC').toLowerCase();
    return /^[a-z0-9]$/.test(plain) ? plain : '';
  });
}

export interface PinyinKey {
  /** e.g. "paimaiqiye" or "pmqy". */
  text: string;
  /** For each character of `text`: the index of the name's character (code point) it came from. */
  owner: number[];
}

export function fullPinyin(syllables: readonly string[]): PinyinKey {
  let text = '';
  const owner: number[] = [];
  syllables.forEach((s, i) => {
    text += s;
    for (let k = 0; k < s.length; k++) owner.push(i);
  });
  return { text, owner };
}

export function initials(syllables: readonly string[]): PinyinKey {
  let text = '';
  const owner: number[] = [];
  syllables.forEach((s, i) => {
    if (!s) return;
    text += s[0];
    owner.push(i);
  });
  return { text, owner };
}

/** Code-point indexes of the name's characters covered by every occurrence of `query` in `key`. */
export function matchedChars(key: PinyinKey, query: string): Set<number> {
  const out = new Set<number>();
  if (!query) return out;
  for (let at = key.text.indexOf(query); at !== -1; at = key.text.indexOf(query, at + query.length)) {
    for (let k = at; k < at + query.length; k++) out.add(key.owner[k]!);
  }
  return out;
}

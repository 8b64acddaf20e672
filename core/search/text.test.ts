import { describe, expect, it } from 'vitest';
import { planQuery } from './fts.js';
import { initials, matchedChars, nameSyllables } from './pinyin.js';
import { highlightTerms, normalizeText } from './text.js';

describe('normalizing', () => {
  it('folds width, case and ё, collapses whitespace and drops control characters', () => {
    expect(normalizeText('  ＡＵＣＴＩＯＮ\t\u0007Ёлка  ')).toBe('auction елка');
  });

  it('highlights over the original text, whatever the folding changed', () => {
    expect(highlightTerms('Licence ＡＵＣＴＩＯＮ', ['auction'])).toEqual([
      { text: 'Licence ', hit: false },
      { text: 'ＡＵＣＴＩＯＮ', hit: true },
    ]);
  });
});

describe('pinyin', () => {
  it('reads polyphones from context and keeps Latin letters and digits', () => {
    expect(nameSyllables('银行B2B（试点）')).toEqual(['yin', 'hang', 'b', '2', 'b', '', 'shi', 'dian', '']);
  });

  it('maps initials back to the characters they came from, skipping punctuation', () => {
    const key = initials(nameSyllables('对外劳务（外派）合作'));
    expect(key.text).toBe('dwlwwphz');
    expect([...matchedChars(key, 'wphz')]).toEqual([5, 6, 8, 9]);
  });

  it('treats a Latin query as a pinyin key without spaces, tones or ü', () => {
    expect(planQuery('lǜ se').pinyinKey).toBe('lvse');
    expect(planQuery('拍卖').pinyinKey).toBeNull();
  });

  it('sends words of three or more characters to the trigram index, shorter ones to the fallback', () => {
    expect(planQuery('拍卖企业').table).toBe('tri');
    expect(planQuery('拍卖').table).toBe('bi');
    expect(planQuery('auction ab').table).toBe('bi');
  });
});

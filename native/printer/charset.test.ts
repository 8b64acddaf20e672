import { describe, expect, it } from 'vitest';
import { cells, classify, displayWidth, fit, wrap } from './charset.js';

describe('characters on a Chinese receipt printer', () => {
  it('sends CJK as GB18030 double bytes, Russian as PC866, and draws what no printer font has', () => {
    expect(['A', '中', 'Ж', '䶮', '𠀾', '😀'].map(classify)).toEqual(['ascii', 'gb', 'cyrillic', 'bitmap', 'bitmap', 'bitmap']);
  });

  it('counts a CJK character as two columns and Latin or Cyrillic as one', () => {
    expect(displayWidth('A012')).toBe(4);
    expect(displayWidth('排队号A')).toBe(7);
    expect(displayWidth('Окно 3')).toBe(6);
    expect(displayWidth('䶮')).toBe(2);
    expect(cells('a\u200bb\tc').map((c) => c.ch)).toEqual(['a', 'b', ' ', 'c']);
  });

  it('pads and cuts to display columns', () => {
    expect(fit('原件', 6, 'right')).toBe('  原件');
    expect(fit('原件复印件', 5)).toBe('原件 ');
    expect(displayWidth(fit('中文', 7, 'center'))).toBe(7);
  });

  it('wraps between CJK characters and at spaces, never over the width', () => {
    const lines = wrap('对外劳务合作经营资格核准 Foreign labour cooperation', 16);
    expect(lines).toEqual(['对外劳务合作经营', '资格核准 Foreign', 'labour', 'cooperation']);
    for (const l of wrap('Разрешение на деятельность аукционных предприятий', 12)) expect(displayWidth(l)).toBeLessThanOrEqual(12);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

import { describe, expect, it } from 'vitest';
import { findCjkFont, parseFontSpec } from './font.js';

describe('findCjkFont', () => {
  it('takes CERT_FONT first, with the face of a collection after #', () => {
    const exists = () => true;
    expect(findCjkFont({ CERT_FONT: '/opt/fonts/FZSongTi.ttf' }, exists)).toEqual({ file: '/opt/fonts/FZSongTi.ttf' });
    expect(findCjkFont({ CERT_FONT: '/opt/f/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular' }, exists)).toEqual({ file: '/opt/f/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' });
    expect(parseFontSpec('C:\\Windows\\Fonts\\simsun.ttc#SimSun')).toEqual({ file: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' });
  });

  it('says what is wrong with CERT_FONT: a missing file, a collection without its face', () => {
    expect(() => findCjkFont({ CERT_FONT: '/nowhere/font.ttf' }, () => false)).toThrow('CERT_FONT names /nowhere/font.ttf, which does not exist');
    expect(() => findCjkFont({ CERT_FONT: '/f/NotoSansCJK-Regular.ttc' }, () => true)).toThrow(/#PostScriptName/);
  });

  it('finds Debian’s Noto CJK collection, simplified-Chinese serif face', () => {
    const font = findCjkFont({});
    expect(font.file).toMatch(/NotoSerifCJK-Regular\.ttc$/);
    expect(font.family).toBe('NotoSerifCJKsc-Regular');
  });

  it('fails clearly when no Chinese font is anywhere', () => {
    expect(() => findCjkFont({}, () => false)).toThrow(/No Chinese font for certificates: install fonts-noto-cjk.*CERT_FONT/);
  });
});

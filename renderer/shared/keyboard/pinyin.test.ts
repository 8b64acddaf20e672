import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidates, type PinyinTable } from './pinyin.js';

const table = JSON.parse(readFileSync(new URL('../../public/ime/pinyin.json', import.meta.url), 'utf8')) as PinyinTable;
const texts = (typed: string) => candidates(table, typed).map((c) => c.text);

describe('pinyin candidates from the kiosk table', () => {
  it('puts the common character of a syllable first', () => {
    expect(texts('shi')[0]).toBe('是');
    expect(texts('ban').slice(0, 2)).toEqual(['办', '版']);
    expect(texts('lv')[0]).toBe('率');
    expect(texts('lv')).toContain('绿');
  });

  it('offers whole words a visitor writes in a complaint, using up all the letters', () => {
    expect(candidates(table, 'chuangkou')[0]).toEqual({ text: '窗口', consumed: 9 });
    expect(candidates(table, 'tousu')[0]).toEqual({ text: '投诉', consumed: 5 });
    expect(texts('gongzuorenyuan')[0]).toBe('工作人员');
  });

  it('with more typed than one word, offers the longest word it starts with, then its first syllable', () => {
    const list = candidates(table, 'cailiaotai');
    expect(list.find((c) => c.text === '材料')).toEqual({ text: '材料', consumed: 7 });
    expect(list.find((c) => c.text === '才')).toEqual({ text: '才', consumed: 3 });
    expect(list.findIndex((c) => c.text === '材料')).toBeLessThan(list.findIndex((c) => c.text === '才'));
  });

  it('helps while a syllable is half typed', () => {
    expect(texts('zh')).toContain('中');
    expect(candidates(table, 'zhon')[0]).toEqual({ text: '中', consumed: 4 });
    expect(candidates(table, 'zhongg')[0]).toEqual({ text: '中', consumed: 5 });
  });

  it('keeps simplified characters ahead of traditional forms, which stay available for names', () => {
    const list = texts('zhong');
    expect(list.indexOf('钟')).toBeLessThan(list.indexOf('鐘'));
    expect(list).toContain('鐘');
  });

  it('offers nothing for letters that start no syllable, and nothing for nothing', () => {
    expect(texts('vvv')).toEqual([]);
    expect(texts('')).toEqual([]);
    expect(texts('constructor')).not.toContain(undefined);
  });
});

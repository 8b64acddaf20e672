import { describe, expect, it } from 'vitest';
import { keyPaths, resources, translator } from './index.js';

describe('slip labels', () => {
  it('zh-CN, en and ru have exactly the same keys, none empty, with the same placeholders', () => {
    const zh = keyPaths(resources['zh-CN']).sort();
    for (const lang of ['en', 'ru'] as const) expect(keyPaths(resources[lang]).sort(), lang).toEqual(zh);
    for (const lang of ['zh-CN', 'en', 'ru'] as const) {
      const t = translator(lang);
      for (const key of zh) {
        expect(t(key).trim(), `${lang} ${key}`).not.toBe('');
        const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(vars(t.raw(key)), `${lang} ${key}`).toEqual(vars(translator('zh-CN').raw(key)));
      }
    }
  });

  it('fills placeholders and fails loudly on an unknown key', () => {
    expect(translator('ru')('common.ahead', { count: 2 })).toBe('Перед вами в очереди: 2');
    expect(() => translator('en')('nope.nothing')).toThrow(/Missing slip label/);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

const RENDERER = fileURLToPath(new URL('..', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;
const LOCALES: Record<string, unknown> = { 'zh-CN': zhCN, en, ru };

/** Every leaf as "a.b.c" → value. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

/** Keys with plural suffixes folded: languages have different plural forms, but the same messages. */
function baseKeys(obj: unknown): Set<string> {
  return new Set([...leaves(obj).keys()].map((k) => k.replace(PLURAL, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('locales', () => {
  for (const [lang, data] of Object.entries(LOCALES)) {
    it(`${lang}: every message is a non-empty string`, () => {
      const bad = [...leaves(data)].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad).toEqual([]);
    });
  }

  for (const lang of ['en', 'ru']) {
    it(`${lang} has exactly the messages of zh-CN`, () => {
      const zh = baseKeys(zhCN);
      const other = baseKeys(LOCALES[lang]);
      expect({ missing: [...zh].filter((k) => !other.has(k)), extra: [...other].filter((k) => !zh.has(k)) }).toEqual({ missing: [], extra: [] });
    });
  }

  it('ru has every plural form Russian needs, en has one and other', () => {
    const plurals = [...leaves(zhCN).keys()].filter((k) => k.endsWith('_other')).map((k) => k.replace(PLURAL, ''));
    expect(plurals.length).toBeGreaterThan(0);
    const ruKeys = leaves(ru);
    const enKeys = leaves(en);
    for (const base of plurals) {
      for (const form of ['one', 'few', 'many', 'other']) expect(ruKeys.has(`${base}_${form}`), `ru ${base}_${form}`).toBe(true);
      for (const form of ['one', 'other']) expect(enKeys.has(`${base}_${form}`), `en ${base}_${form}`).toBe(true);
    }
  });

  it("every t('…') in the renderer source exists in zh-CN", () => {
    const zh = baseKeys(zhCN);
    const files = sourceFiles(RENDERER);
    expect(files.length).toBeGreaterThan(5);
    const used: string[] = [];
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) {
        const key = m[2]!;
        used.push(key);
        if (!zh.has(key)) missing.push(`${relative(RENDERER, file)}: ${key}`);
      }
    }
    expect(used.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

import type { Lang } from '../../../core/contract/common.js';
import en from './en.js';
import ru from './ru.js';
import zhCN from './zh-CN.js';

// i18next's resource format and {{name}} interpolation, looked up directly: eslint/layers.js keeps
// i18next (a UI package) out of native/, and slips need nothing more than a key lookup.
export const resources: Record<Lang, Resource> = { 'zh-CN': zhCN, en, ru };

export interface Resource {
  [key: string]: string | Resource;
}

export interface Translate {
  (key: string, vars?: Record<string, string | number>): string;
  /** The label before its placeholders are filled. */
  raw(key: string): string;
}

function lookup(res: Resource, key: string): string | undefined {
  let node: string | Resource | undefined = res;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Translation in `lang`, falling back to Chinese; an unknown key is a programming error. */
export function translator(lang: Lang): Translate {
  const raw = (key: string) => {
    const text = lookup(resources[lang], key) ?? lookup(resources['zh-CN'], key);
    if (text === undefined) throw new Error(`Missing slip label "${key}"`);
    return text;
  };
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    raw(key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  return Object.assign(t, { raw });
}

/** Every key path of a resource, for the test that all languages have the same labels. */
export function keyPaths(res: Resource, prefix = ''): string[] {
  return Object.entries(res).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keyPaths(v, `${prefix}${k}.`)));
}

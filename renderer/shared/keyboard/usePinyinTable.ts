import { useEffect, useState } from 'react';
import type { PinyinTable } from './pinyin.js';

let loading: Promise<PinyinTable | null> | undefined;

/** The table is about 1 MB, so it is fetched once, when a screen with pinyin input first opens. */
function load(): Promise<PinyinTable | null> {
  loading ??= fetch('/ime/pinyin.json')
    .then((r) => (r.ok ? (r.json() as Promise<PinyinTable>) : null))
    .catch(() => null)
    .then((t) => {
      if (!t) loading = undefined; // try again next time the screen opens
      return t;
    });
  return loading;
}

/** The pinyin table: 'loading' at first, null if it cannot be had (the keyboard then types letters). */
export function usePinyinTable(): PinyinTable | null | 'loading' {
  const [table, setTable] = useState<PinyinTable | null | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    void load().then((t) => live && setTable(t));
    return () => {
      live = false;
    };
  }, []);
  return table;
}

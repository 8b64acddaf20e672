import type { Lang } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { getMeta } from '../db/meta.js';
import { GENERATION_KEY, rebuildSearchIndex } from './indexer.js';

/**
 * What ranking needs per procedure, held in typed arrays indexed by pid (about 12 bytes per
 * procedure). Ranking thousands of candidates then costs no SQL join; result rows are read from
 * SQLite only for the page shown. Reloaded whenever a rebuild changes the index generation.
 */
export interface RankCache {
  generation: string;
  count: number;
  abolished: Uint8Array;
  category: Int32Array;
  categoryIndex: Map<string, number>;
  nameLength: Record<Lang, Uint16Array>;
}

const caches = new WeakMap<Db, RankCache>();

interface Row {
  pid: number;
  category: string;
  abolished: number;
  name_len_zh: number;
  name_len_en: number;
  name_len_ru: number;
}

export function rankCache(db: Db): RankCache {
  let generation = getMeta(db, GENERATION_KEY);
  if (generation === null) {
    // A database migrated after its catalog was imported: build the index once.
    rebuildSearchIndex(db);
    generation = getMeta(db, GENERATION_KEY)!;
  }
  const cached = caches.get(db);
  if (cached?.generation === generation) return cached;

  const rows = db
    .prepare('SELECT pid, category, abolished, name_len_zh, name_len_en, name_len_ru FROM search_procs ORDER BY pid')
    .all() as Row[];
  const count = rows.length;
  const cache: RankCache = {
    generation,
    count,
    abolished: new Uint8Array(count),
    category: new Int32Array(count),
    categoryIndex: new Map(),
    nameLength: { 'zh-CN': new Uint16Array(count), en: new Uint16Array(count), ru: new Uint16Array(count) },
  };
  for (const r of rows) {
    let cat = cache.categoryIndex.get(r.category);
    if (cat === undefined) cache.categoryIndex.set(r.category, (cat = cache.categoryIndex.size));
    cache.abolished[r.pid] = r.abolished;
    cache.category[r.pid] = cat;
    cache.nameLength['zh-CN'][r.pid] = Math.min(r.name_len_zh, 0xffff);
    cache.nameLength.en[r.pid] = Math.min(r.name_len_en, 0xffff);
    cache.nameLength.ru[r.pid] = Math.min(r.name_len_ru, 0xffff);
  }
  caches.set(db, cache);
  return cache;
}

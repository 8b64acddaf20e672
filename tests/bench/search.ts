import Fuse from 'fuse.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchQuery, type Lang } from '../../core/contract/index.js';
import { openDatabase } from '../../core/db/connection.js';
import { fullPinyin, initials, nameSyllables } from '../../core/search/pinyin.js';
import { searchProcedures } from '../../core/search/search.js';
import { seedCatalog } from '../../core/search/test-fixtures.js';
import { ms, summarize, table, time, type Benchmark } from './harness.js';
import { syntheticCatalog } from './synthetic-catalog.js';

const PROCEDURES = Number(process.env.BENCH_PROCEDURES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const FUSE_ROUNDS = Number(process.env.BENCH_FUSE_ROUNDS ?? 10);

const QUERIES: { q: string; lang: Lang; what: string }[] = [
  { q: '卖', lang: 'zh-CN', what: 'Chinese, 1 char' },
  { q: '证', lang: 'zh-CN', what: 'Chinese, 1 char, in most materials' },
  { q: '预付', lang: 'zh-CN', what: 'Chinese, 2 chars' },
  { q: '备案', lang: 'zh-CN', what: 'Chinese, 2 chars, very common' },
  { q: '拍卖企业', lang: 'zh-CN', what: 'Chinese, 4 chars' },
  { q: '技术进出口合同', lang: 'zh-CN', what: 'Chinese, 7 chars' },
  { q: '营业执照', lang: 'zh-CN', what: 'Chinese, in every procedure\'s materials' },
  { q: 'pm', lang: 'zh-CN', what: 'initials' },
  { q: 'jsck', lang: 'zh-CN', what: 'initials' },
  { q: 'paimai', lang: 'zh-CN', what: 'full pinyin' },
  { q: 'cheng pin you', lang: 'zh-CN', what: 'full pinyin with spaces' },
  { q: 'auction', lang: 'en', what: 'English word' },
  { q: 'prepaid card', lang: 'en', what: 'English words' },
  { q: 'франшизы', lang: 'ru', what: 'Russian word' },
  { q: '量子计算机', lang: 'zh-CN', what: 'no hit' },
];

interface FuseRecord {
  zh: string;
  en: string;
  ru: string;
  pinyin: string;
  initials: string;
}

function run(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const file = join(dir, 'terminal.db');
  try {
    const db = openDatabase(file);
    let docs = syntheticCatalog(PROCEDURES);
    const buildMs = time(() => seedCatalog(db, docs));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const indexBytes = db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'").pluck().get() as number;
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    console.log(
      `Catalog: ${PROCEDURES} synthetic procedures; insert + rebuildSearchIndex ${(buildMs / 1000).toFixed(1)} s; ` +
        `database file ${mb(statSync(file).size)} MB, of which the search index ${mb(indexBytes)} MB`,
    );

    const records: FuseRecord[] = docs.map((d) => {
      const syllables = nameSyllables(d.name['zh-CN']);
      return { zh: d.name['zh-CN'], en: d.name.en, ru: d.name.ru, pinyin: fullPinyin(syllables).text, initials: initials(syllables).text };
    });
    docs = [];
    const fuseOptions = { keys: ['zh', 'en', 'ru', 'pinyin', 'initials'], threshold: 0.3, ignoreLocation: true };
    let fuse!: Fuse<FuseRecord>;
    const fuseIndexMs = time(() => (fuse = new Fuse(records, fuseOptions, Fuse.createIndex(fuseOptions.keys, records))));
    console.log(`Baseline: Fuse.js ${JSON.stringify(fuseOptions)}, search limit 30; index built in ${ms(fuseIndexMs)} ms`);

    const parsed = QUERIES.map(({ q, lang }) => SearchQuery.parse({ q, lang }));
    const ours = QUERIES.map(() => [] as number[]);
    const theirs = QUERIES.map(() => [] as number[]);
    // Warm up both (JIT, page cache, our rank cache), then measure.
    for (const p of parsed) for (let i = 0; i < 5; i++) searchProcedures(db, p);
    for (const { q } of QUERIES) fuse.search(q, { limit: 30 });
    for (let r = 0; r < ROUNDS; r++) parsed.forEach((p, i) => ours[i]!.push(time(() => searchProcedures(db, p))));
    for (let r = 0; r < FUSE_ROUNDS; r++) QUERIES.forEach(({ q }, i) => theirs[i]!.push(time(() => fuse.search(q, { limit: 30 }))));

    const rows = QUERIES.map(({ q, lang, what }, i) => {
      const result = searchProcedures(db, parsed[i]!);
      const top = result.items[0];
      const a = summarize(ours[i]!);
      const b = summarize(theirs[i]!);
      return [
        `${q} (${lang})`,
        what,
        result.total,
        top ? `${top.matchedIn}: ${top.name.slice(0, 18)}` : '—',
        ms(a.p50),
        ms(a.p95),
        fuse.search(q, { limit: 30 }).length,
        ms(b.p50),
        ms(b.p95),
      ];
    });
    console.log(
      '\n' +
        table(['query', 'kind', 'total', 'our best match', 'ours p50', 'ours p95', 'fuse hits', 'fuse p50', 'fuse p95'], rows),
    );

    const all = summarize(ours.flat());
    const base = summarize(theirs.flat());
    const ratio = base.p95 / all.p95;
    console.log(
      '\n' +
        table(
          ['all queries (ms)', 'samples', 'p50', 'p95'],
          [
            ['searchProcedures (FTS5)', all.n, ms(all.p50), ms(all.p95)],
            ['Fuse.js baseline', base.n, ms(base.p50), ms(base.p95)],
          ],
        ),
    );
    console.log(`\nFuse p95 / ours p95 = ${ratio.toFixed(1)}×`);
    console.log(`Target ours p95 ≤ 5 ms: ${all.p95 <= 5 ? 'met' : 'NOT met'}; target ≥ 10× Fuse at p95: ${ratio >= 10 ? 'met' : 'NOT met'}`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const searchBenchmark: Benchmark = {
  name: 'search',
  description: `procedure search over ${PROCEDURES} synthetic procedures vs Fuse.js`,
  run,
};

// Builds renderer/public/ime/pinyin.json, the kiosk's pinyin input table, from the Rime
// "pinyin_simp" dictionary (Apache-2.0, derived from Android's PinyinIME), which Debian ships:
//   apt-get install -y rime-data-pinyin-simp && node assets/ime/make-pinyin-table.mjs
// The generated file is committed; run this again only to change what it holds.
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const SOURCE = process.argv[2] ?? '/usr/share/rime-data/pinyin_simp.dict.yaml';
const OUT = new URL('../../renderer/public/ime/pinyin.json', import.meta.url);
const PHRASE_MIN_WEIGHT = 50;
const PARTIAL_MAX = 40;

// Simplified characters first: GB2312 holds the everyday simplified set; the rest (rarer and
// traditional forms, kept for names) follow.
// iconv-lite's gb2312 is really GBK, so the GB2312 hanzi area is checked by its bytes.
const everyday = (text) =>
  [...text].every((c) => {
    const b = iconv.encode(c, 'gbk');
    return b.length === 2 && b[0] >= 0xb0 && b[0] <= 0xf7 && b[1] >= 0xa1 && b[1] <= 0xfe && iconv.decode(b, 'gbk') === c;
  });

const complete = new Map(); // key → [{ text, weight }]
for (const line of readFileSync(SOURCE, 'utf8').split('\n')) {
  const [text, pinyin, w] = line.split('\t');
  if (!text || !pinyin || w === undefined || !/^\d+$/.test(w)) continue;
  const syllables = pinyin.split(' ');
  if (!syllables.every((s) => /^[a-z]+$/.test(s))) continue;
  const chars = [...text].length;
  if (chars !== syllables.length) continue;
  const weight = Number(w);
  if (chars > 1 && (chars > 4 || weight < PHRASE_MIN_WEIGHT || !everyday(text))) continue;
  const key = syllables.join('');
  if (!complete.has(key)) complete.set(key, []);
  complete.get(key).push({ text, weight, single: chars === 1, everyday: everyday(text) });
}

const order = (a, b) => Number(b.everyday) - Number(a.everyday) || b.weight - a.weight;
const e = {};
for (const [key, list] of [...complete].sort(([a], [b]) => a.localeCompare(b))) {
  const seen = new Set();
  e[key] = list.sort(order).filter((c) => !seen.has(c.text) && seen.add(c.text)).map((c) => c.text).join(' ');
}

// While a syllable is half typed ("zh", "zhon"), offer the commonest characters of the syllables it begins.
const syllables = [...complete].filter(([, list]) => list.some((c) => c.single)).map(([k]) => k);
const p = {};
for (const s of syllables) {
  for (let i = 1; i < s.length; i++) {
    const prefix = s.slice(0, i);
    if (complete.has(prefix) || p[prefix]) continue;
    const pool = syllables.filter((x) => x.startsWith(prefix)).flatMap((x) => complete.get(x).filter((c) => c.single && c.everyday));
    p[prefix] = pool.sort(order).slice(0, PARTIAL_MAX).map((c) => c.text).join(' ');
  }
}

writeFileSync(OUT, `${JSON.stringify({ source: 'rime pinyin_simp (Apache-2.0)', e, p })}\n`);
console.log(`${Object.keys(e).length} keys, ${Object.keys(p).length} partial syllables → ${OUT.pathname}`);

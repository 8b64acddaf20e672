import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery, type Highlight, type ProcedureSummary } from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { rebuildSearchIndex } from './indexer.js';
import { searchProcedures } from './search.js';
import { procedureDoc, seedCatalog, tempDatabase } from './test-fixtures.js';

const catalog = [
  // Catalog order is deliberate: the legal-basis and materials matches for 特许经营 come first,
  // the abolished 对外贸易 item comes before (and is shorter than) the live one.
  procedureDoc({
    code: 'direct-selling',
    category: 'filing',
    name: { 'zh-CN': '直销企业服务网点方案确认', en: 'Confirmation of direct selling service outlets', ru: 'Подтверждение пунктов прямых продаж' },
    legalBasis: [{ law: { 'zh-CN': '《商业特许经营管理条例》' }, article: { 'zh-CN': '第八条' } }],
  }),
  procedureDoc({
    code: 'oil',
    category: 'filing',
    name: { 'zh-CN': '成品油批发经营备案', en: 'Filing of refined oil wholesale', ru: 'Регистрация оптовой торговли нефтепродуктами' },
    materials: [{ 'zh-CN': '特许经营合同', en: 'Franchise contract' }, { 'zh-CN': '营业执照' }],
  }),
  procedureDoc({
    code: 'foreign-trade',
    category: 'filing',
    name: { 'zh-CN': '对外贸易经营者备案登记', en: 'Registration of foreign trade operators', ru: 'Регистрация участников внешней торговли' },
    abolished: true,
  }),
  procedureDoc({
    code: 'auction',
    category: 'licence',
    name: {
      'zh-CN': '拍卖企业从事拍卖业务许可',
      en: 'Licence for auction enterprises to conduct auctions',
      ru: 'Лицензия аукционных предприятий на проведение аукционов',
    },
    materials: [{ 'zh-CN': '拍卖师执业资格证书', en: 'Auctioneer certificate' }],
    legalBasis: [{ law: { 'zh-CN': '《中华人民共和国拍卖法》', en: 'Auction Law' }, article: { 'zh-CN': '第十一条', en: 'Article 11' } }],
  }),
  procedureDoc({
    code: 'labour',
    category: 'licence',
    name: { 'zh-CN': '对外劳务合作经营资格核准', en: 'Approval of foreign labour cooperation', ru: 'Разрешение на международное трудовое сотрудничество' },
  }),
  procedureDoc({
    code: 'prepaid',
    category: 'filing',
    name: { 'zh-CN': '单用途商业预付卡备案', en: 'Filing of single-purpose prepaid cards', ru: 'Регистрация предоплаченных карт' },
  }),
  procedureDoc({
    code: 'franchise',
    category: 'filing',
    name: { 'zh-CN': '商业特许经营备案', en: 'Commercial franchise filing', ru: 'Регистрация коммерческой франшизы' },
  }),
  procedureDoc({
    code: 'trade-credit',
    category: 'service',
    name: { 'zh-CN': '对外贸易企业信用信息报送服务', en: 'Foreign trade enterprise credit reporting', ru: 'Передача кредитной информации внешнеторговых предприятий' },
  }),
];

let db: Db;
let close: () => void;
beforeAll(() => {
  ({ db, close } = tempDatabase());
  seedCatalog(db, catalog);
});
afterAll(() => close());

const search = (q: string, extra: Record<string, unknown> = {}) => searchProcedures(db, SearchQuery.parse({ q, ...extra }));
const codes = (items: ProcedureSummary[]) => items.map((i) => i.code);
const hits = (h: Highlight) => h.filter((s) => s.hit).map((s) => s.text);

describe('Chinese substrings of any length', () => {
  it('finds one character', () => {
    const r = search('卖');
    expect(codes(r.items)).toEqual(['auction']);
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['卖', '卖']);
  });

  it('finds two characters', () => {
    const r = search('预付');
    expect(codes(r.items)).toEqual(['prepaid']);
    expect(r.items[0]!.matchedIn).toBe('name');
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['预付']);
  });

  it('finds four characters in the middle of a name', () => {
    const r = search('劳务合作');
    expect(codes(r.items)).toEqual(['labour']);
    expect(r.items[0]!.nameHighlight).toEqual([
      { text: '对外', hit: false },
      { text: '劳务合作', hit: true },
      { text: '经营资格核准', hit: false },
    ]);
  });

  it('ignores surrounding and repeated whitespace', () => {
    expect(codes(search('  劳务合作 ').items)).toEqual(['labour']);
  });
});

describe('pinyin without a Chinese keyboard', () => {
  it('finds 拍卖 by its initials and highlights the characters', () => {
    const r = search('pm');
    expect(r.items[0]!.code).toBe('auction');
    expect(r.items[0]!.matchedIn).toBe('initials');
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['拍卖', '拍卖']);
  });

  it('finds 拍卖企业 by mixed-length initials', () => {
    const r = search('pmqy');
    expect(codes(r.items)).toEqual(['auction']);
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['拍卖企业']);
  });

  it.each(['paimai', 'pai mai', 'PaiMai', 'pāi mài'])('finds 拍卖 by full pinyin %j', (q) => {
    const r = search(q);
    expect(r.items[0]!.code).toBe('auction');
    expect(r.items[0]!.matchedIn).toBe('pinyin');
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['拍卖', '拍卖']);
  });

  it('highlights every character a partial syllable touches', () => {
    const r = search('paim');
    expect(r.items[0]!.code).toBe('auction');
    expect(r.items[0]!.nameHighlight.slice(0, 2)).toEqual([
      { text: '拍卖', hit: true },
      { text: '企业从事', hit: false },
    ]);
  });

  it('highlights nothing in an English name for a pinyin match', () => {
    const r = search('paimai', { lang: 'en' });
    expect(r.items[0]!.name).toBe('Licence for auction enterprises to conduct auctions');
    expect(hits(r.items[0]!.nameHighlight)).toEqual([]);
  });
});

describe('English and Russian', () => {
  it('finds an English word and answers in English', () => {
    const r = search('AUCTION', { lang: 'en' });
    expect(r.items[0]!.code).toBe('auction');
    expect(r.items[0]!.name).toBe('Licence for auction enterprises to conduct auctions');
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['auction', 'auction']);
  });

  it('finds a Russian word case-insensitively and answers in Russian', () => {
    const r = search('Карт', { lang: 'ru' });
    expect(codes(r.items)).toEqual(['prepaid']);
    expect(r.items[0]!.name).toBe('Регистрация предоплаченных карт');
    expect(hits(r.items[0]!.nameHighlight)).toEqual(['карт']);
  });

  it('matches a Chinese query against Chinese names while answering in English', () => {
    const r = search('预付卡', { lang: 'en' });
    expect(r.items[0]!.name).toBe('Filing of single-purpose prepaid cards');
    expect(r.items[0]!.matchedIn).toBe('name');
    expect(hits(r.items[0]!.nameHighlight)).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts a name match before a materials match before a legal-basis match', () => {
    const r = search('特许经营');
    expect(codes(r.items)).toEqual(['franchise', 'oil', 'direct-selling']);
    expect(r.items.map((i) => i.matchedIn)).toEqual(['name', 'materials', 'legal_basis']);
    expect(r.items[1]!.snippet).toEqual([
      { text: '特许经营', hit: true },
      { text: '合同', hit: false },
    ]);
    expect(hits(r.items[2]!.snippet!)).toEqual(['特许经营']);
  });

  it('puts an exact name before a prefix before a substring match', () => {
    const exact = procedureDoc({ code: 'x-exact', name: { 'zh-CN': '备案', en: 'Filing', ru: 'Регистрация' } });
    const { db: other, close: closeOther } = tempDatabase();
    try {
      seedCatalog(other, [...catalog, exact, procedureDoc({ code: 'x-prefix', name: { 'zh-CN': '备案变更', en: 'Filing change', ru: 'Изменение' } })]);
      const r = searchProcedures(other, SearchQuery.parse({ q: '备案' }));
      expect(codes(r.items).slice(0, 3)).toEqual(['x-exact', 'x-prefix', 'franchise']);
    } finally {
      closeOther();
    }
  });

  it('lists abolished procedures after live ones, flagged', () => {
    const r = search('对外贸易');
    expect(codes(r.items)).toEqual(['trade-credit', 'foreign-trade']);
    expect(r.items.map((i) => i.abolished)).toEqual([false, true]);
  });
});

describe('the index', () => {
  it('follows a rebuild: removed procedures are no longer found', () => {
    const { db: other, close: closeOther } = tempDatabase();
    try {
      seedCatalog(other, catalog);
      expect(searchProcedures(other, SearchQuery.parse({ q: '拍卖' })).total).toBe(1);
      other.prepare("DELETE FROM procedures WHERE code = 'auction'").run();
      rebuildSearchIndex(other);
      expect(searchProcedures(other, SearchQuery.parse({ q: '拍卖' })).total).toBe(0);
      expect(searchProcedures(other, SearchQuery.parse({ q: '' })).total).toBe(6);
    } finally {
      closeOther();
    }
  });

  it('is built on first search when a catalog predates it', () => {
    const { db: other, close: closeOther } = tempDatabase();
    try {
      seedCatalog(other, catalog);
      other.exec("DELETE FROM search_procs; DELETE FROM meta WHERE key = 'search_index'");
      expect(codes(searchProcedures(other, SearchQuery.parse({ q: 'pm' })).items)).toEqual(['auction']);
    } finally {
      closeOther();
    }
  });
});

describe('query handling', () => {
  it.each(['%', '_', '"', '*', '(', ')', '"拍卖', 'a"b', 'NEAR(x', '^', 'pm*', 'OR', "'; DROP TABLE procedures; --", '拍卖 AND', '%%%', '{t} : x'])(
    'does not fail on %j',
    (q) => {
      expect(() => search(q)).not.toThrow();
    },
  );

  it('treats LIKE and FTS wildcards literally', () => {
    expect(search('%').total).toBe(0);
    expect(search('_').total).toBe(0);
    expect(search('pm*').items.map((i) => i.code)).toEqual([]);
    expect(search('拍卖').total).toBe(1);
  });

  it('filters by category, with or without a query', () => {
    expect(codes(search('备案', { category: 'filing' }).items)).toEqual(['franchise', 'oil', 'prepaid', 'foreign-trade']);
    expect(codes(search('', { category: 'licence' }).items)).toEqual(['auction', 'labour']);
    expect(search('拍卖', { category: 'filing' }).total).toBe(0);
    expect(search('拍卖', { category: 'no-such-category' }).total).toBe(0);
  });

  it('lists all live procedures in catalog order for an empty query', () => {
    const r = search('   ');
    expect(codes(r.items)).toEqual(['direct-selling', 'oil', 'auction', 'labour', 'prepaid', 'franchise', 'trade-credit']);
    expect(r.total).toBe(7);
    expect(r.items.every((i) => i.matchedIn === 'none' && !i.abolished)).toBe(true);
  });

  it('answers with the requested language and a limit', () => {
    const r = search('', { lang: 'ru', limit: 2 });
    expect(r.items.map((i) => i.name)).toEqual(['Подтверждение пунктов прямых продаж', 'Регистрация оптовой торговли нефтепродуктами']);
    expect(r.total).toBe(7);
  });
});

import type { Localized, LocalizedRequired, ProcedureInput } from '../../core/contract/index.js';
import { procedureDoc } from '../../core/search/test-fixtures.js';

/**
 * A deterministic synthetic catalog: names composed from the vocabulary of Department of Commerce
 * procedures (region + subject + action + handling mode), in three languages, with materials and
 * legal bases drawn from realistic pools.
 */

type L3 = [zh: string, en: string, ru: string];

const REGIONS: (L3 | null)[] = [
  null,
  ['省级', 'provincial', 'областной уровень'],
  ['哈尔滨市', 'Harbin', 'Харбин'],
  ['齐齐哈尔市', 'Qiqihar', 'Цицикар'],
  ['牡丹江市', 'Mudanjiang', 'Муданьцзян'],
  ['佳木斯市', 'Jiamusi', 'Цзямусы'],
  ['大庆市', 'Daqing', 'Дацин'],
  ['鸡西市', 'Jixi', 'Цзиси'],
  ['双鸭山市', 'Shuangyashan', 'Шуанъяшань'],
  ['伊春市', 'Yichun', 'Ичунь'],
  ['七台河市', 'Qitaihe', 'Цитайхэ'],
  ['鹤岗市', 'Hegang', 'Хэган'],
  ['黑河市', 'Heihe', 'Хэйхэ'],
  ['绥化市', 'Suihua', 'Суйхуа'],
  ['大兴安岭地区', 'Greater Khingan', 'Большой Хинган'],
];

interface Subject {
  name: L3;
  law: L3;
}

const SUBJECTS: Subject[] = [
  { name: ['拍卖企业从事拍卖业务', 'auction business of auction enterprises', 'аукционной деятельности'], law: ['《中华人民共和国拍卖法》第十一条', 'Auction Law, Article 11', 'Закон об аукционах, статья 11'] },
  { name: ['对外劳务合作经营', 'foreign labour service cooperation', 'международного трудового сотрудничества'], law: ['《对外劳务合作管理条例》第七条', 'Regulations on Foreign Labour Cooperation, Article 7', 'Положение о трудовом сотрудничестве, статья 7'] },
  { name: ['报废机动车回收拆解企业', 'end-of-life vehicle recycling enterprises', 'утилизации автомобилей'], law: ['《报废机动车回收管理办法》第六条', 'Measures on End-of-Life Vehicles, Article 6', 'Правила утилизации автомобилей, статья 6'] },
  { name: ['单用途商业预付卡发卡企业', 'single-purpose prepaid card issuers', 'эмитентов предоплаченных карт'], law: ['《单用途商业预付卡管理办法（试行）》第七条', 'Measures on Prepaid Cards, Article 7', 'Правила о предоплаченных картах, статья 7'] },
  { name: ['商业特许经营', 'commercial franchising', 'коммерческой франшизы'], law: ['《商业特许经营管理条例》第八条', 'Regulations on Commercial Franchising, Article 8', 'Положение о франчайзинге, статья 8'] },
  { name: ['技术进出口合同', 'technology import and export contracts', 'договоров импорта и экспорта технологий'], law: ['《技术进出口管理条例》第十七条', 'Regulations on Technology Import and Export, Article 17', 'Положение о торговле технологиями, статья 17'] },
  { name: ['技术出口', 'technology export', 'экспорта технологий'], law: ['《技术进出口管理条例》第三十条', 'Regulations on Technology Import and Export, Article 30', 'Положение о торговле технологиями, статья 30'] },
  { name: ['企业境外投资', 'outbound investment by enterprises', 'зарубежных инвестиций предприятий'], law: ['《境外投资管理办法》第六条', 'Measures on Outbound Investment, Article 6', 'Правила о зарубежных инвестициях, статья 6'] },
  { name: ['成品油批发经营', 'refined oil wholesale', 'оптовой торговли нефтепродуктами'], law: ['《成品油流通管理办法》第九条', 'Measures on Refined Oil Distribution, Article 9', 'Правила оборота нефтепродуктов, статья 9'] },
  { name: ['成品油仓储经营', 'refined oil storage', 'хранения нефтепродуктов'], law: ['《成品油流通管理办法》第十条', 'Measures on Refined Oil Distribution, Article 10', 'Правила оборота нефтепродуктов, статья 10'] },
  { name: ['直销企业服务网点方案', 'direct selling service outlet plans', 'пунктов обслуживания прямых продаж'], law: ['《直销管理条例》第十条', 'Regulations on Direct Selling, Article 10', 'Положение о прямых продажах, статья 10'] },
  { name: ['货物自动进口许可', 'automatic import licensing of goods', 'автоматического импортного лицензирования'], law: ['《货物自动进口许可管理办法》第五条', 'Measures on Automatic Import Licensing, Article 5', 'Правила автоматического лицензирования, статья 5'] },
  { name: ['酒类流通', 'liquor distribution', 'оборота алкоголя'], law: ['《酒类流通管理办法》第六条', 'Measures on Liquor Distribution, Article 6', 'Правила оборота алкоголя, статья 6'] },
  { name: ['二手车交易市场经营', 'used car markets', 'рынков подержанных автомобилей'], law: ['《二手车流通管理办法》第八条', 'Measures on Used Car Distribution, Article 8', 'Правила оборота подержанных автомобилей, статья 8'] },
  { name: ['再生资源回收经营', 'recyclable resource collection', 'сбора вторичного сырья'], law: ['《再生资源回收管理办法》第七条', 'Measures on Recyclable Resources, Article 7', 'Правила сбора вторсырья, статья 7'] },
  { name: ['对外贸易经营者', 'foreign trade operators', 'участников внешней торговли'], law: ['《中华人民共和国对外贸易法》第九条', 'Foreign Trade Law, Article 9', 'Закон о внешней торговле, статья 9'] },
  { name: ['外商投资企业信息报告', 'foreign investment information reports', 'отчётности иностранных инвесторов'], law: ['《外商投资信息报告办法》第七条', 'Measures on Foreign Investment Reports, Article 7', 'Правила отчётности об иностранных инвестициях, статья 7'] },
  { name: ['融资租赁公司', 'financial leasing companies', 'лизинговых компаний'], law: ['《融资租赁公司监督管理暂行办法》第五条', 'Interim Measures on Financial Leasing, Article 5', 'Временные правила о лизинге, статья 5'] },
  { name: ['商业保理企业', 'commercial factoring enterprises', 'факторинговых компаний'], law: ['《商业保理企业管理办法》第六条', 'Measures on Commercial Factoring, Article 6', 'Правила о факторинге, статья 6'] },
  { name: ['汽车销售', 'car sales', 'продажи автомобилей'], law: ['《汽车销售管理办法》第二十七条', 'Measures on Car Sales, Article 27', 'Правила продажи автомобилей, статья 27'] },
  { name: ['生猪定点屠宰', 'designated pig slaughtering', 'убоя свиней'], law: ['《生猪屠宰管理条例》第十一条', 'Regulations on Pig Slaughtering, Article 11', 'Положение об убое свиней, статья 11'] },
  { name: ['加工贸易业务', 'processing trade', 'давальческой торговли'], law: ['《加工贸易审批管理暂行办法》第四条', 'Interim Measures on Processing Trade, Article 4', 'Временные правила давальческой торговли, статья 4'] },
  { name: ['境外展览会', 'overseas trade fairs', 'зарубежных выставок'], law: ['《出国举办经济贸易展览会审批管理办法》第八条', 'Measures on Overseas Trade Fairs, Article 8', 'Правила зарубежных выставок, статья 8'] },
  { name: ['大宗商品进口', 'bulk commodity imports', 'импорта сырьевых товаров'], law: ['《货物进口许可证管理办法》第十二条', 'Measures on Import Licences, Article 12', 'Правила импортных лицензий, статья 12'] },
];

const ACTIONS: { name: L3; category: string }[] = [
  { name: ['许可', 'licence for', 'лицензия'], category: 'licence' },
  { name: ['资格核准', 'qualification approval of', 'утверждение квалификации'], category: 'licence' },
  { name: ['资质认定', 'accreditation of', 'аккредитация'], category: 'licence' },
  { name: ['备案', 'filing of', 'регистрация'], category: 'filing' },
  { name: ['变更备案', 'change filing of', 'регистрация изменений'], category: 'filing' },
  { name: ['登记', 'registration of', 'учёт'], category: 'filing' },
  { name: ['注销', 'cancellation for', 'аннулирование'], category: 'change' },
  { name: ['延续', 'renewal for', 'продление'], category: 'change' },
  { name: ['证书补办', 'certificate reissue for', 'повторная выдача свидетельства'], category: 'change' },
  { name: ['年度报告', 'annual report of', 'годовой отчёт'], category: 'service' },
  { name: ['方案确认', 'plan confirmation for', 'подтверждение плана'], category: 'service' },
  { name: ['审批', 'approval of', 'одобрение'], category: 'licence' },
];

const MODES: (L3 | null)[] = [
  null,
  ['告知承诺制', 'notification and commitment', 'уведомительный порядок'],
  ['容缺受理', 'accepted with missing documents', 'приём с недостающими документами'],
  ['首次申请', 'first application', 'первичное обращение'],
  ['网上办理', 'online', 'онлайн'],
];

const MATERIALS: L3[] = [
  ['申请表', 'Application form', 'Заявление'],
  ['营业执照复印件', 'Copy of the business licence', 'Копия лицензии на ведение бизнеса'],
  ['法定代表人身份证明', 'ID of the legal representative', 'Удостоверение законного представителя'],
  ['公司章程', 'Articles of association', 'Устав компании'],
  ['验资报告', 'Capital verification report', 'Отчёт о проверке капитала'],
  ['经营场所使用证明', 'Proof of business premises', 'Подтверждение помещения'],
  ['拍卖师执业资格证书', 'Auctioneer licence', 'Свидетельство аукциониста'],
  ['安全生产管理制度', 'Work safety rules', 'Правила охраны труда'],
  ['环境影响评价文件', 'Environmental impact assessment', 'Оценка воздействия на среду'],
  ['特许经营合同样本', 'Sample franchise contract', 'Образец договора франшизы'],
  ['上年度财务审计报告', 'Audited financial statements', 'Аудиторский отчёт'],
  ['授权委托书', 'Power of attorney', 'Доверенность'],
  ['从业人员名单', 'List of staff', 'Список сотрудников'],
  ['消防验收合格证明', 'Fire safety acceptance', 'Акт пожарной приёмки'],
  ['境外投资真实性承诺书', 'Outbound investment undertaking', 'Обязательство о достоверности инвестиций'],
  ['技术进出口合同副本', 'Copy of the technology contract', 'Копия договора о технологиях'],
  ['服务网点分布方案', 'Outlet distribution plan', 'План размещения пунктов'],
  ['信用承诺书', 'Credit undertaking', 'Кредитное обязательство'],
  ['油库产权证明', 'Proof of title to the oil depot', 'Право собственности на нефтебазу'],
  ['车辆拆解设备清单', 'Dismantling equipment list', 'Перечень оборудования для разборки'],
  ['预付卡资金存管协议', 'Prepaid card escrow agreement', 'Договор депонирования средств'],
  ['外派人员培训计划', 'Training plan for workers sent abroad', 'План обучения работников'],
];

const GENERAL_LAWS: L3[] = [
  ['《中华人民共和国行政许可法》第十二条', 'Administrative Licensing Law, Article 12', 'Закон об административном лицензировании, статья 12'],
  ['《优化营商环境条例》第十九条', 'Regulations on Optimizing the Business Environment, Article 19', 'Положение об улучшении бизнес-среды, статья 19'],
  ['《中华人民共和国公司法》第三十二条', 'Company Law, Article 32', 'Закон о компаниях, статья 32'],
];

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same catalog. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const loc = ([zh, en, ru]: L3): Localized => ({ 'zh-CN': zh, en, ru });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function syntheticCatalog(count: number, seed = 20240929): ProcedureInput[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const combos: [number, number, number, number][] = [];
  REGIONS.forEach((_, r) => SUBJECTS.forEach((_, s) => ACTIONS.forEach((_, a) => MODES.forEach((_, m) => combos.push([r, s, a, m])))));
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  const docs: ProcedureInput[] = [];
  for (let i = 0; i < count; i++) {
    const [r, s, a, m] = combos[i % combos.length]!;
    const region = REGIONS[r]!;
    const subject = SUBJECTS[s]!;
    const action = ACTIONS[a]!;
    const mode = MODES[m]!;
    const round = Math.floor(i / combos.length);
    const suffix = (parts: string[]) => (parts.length ? ` (${parts.join(', ')})` : '');
    const name: LocalizedRequired = {
      'zh-CN': `${region?.[0] ?? ''}${subject.name[0]}${action.name[0]}${mode ? `（${mode[0]}）` : ''}${round ? `（第${round + 1}批）` : ''}`,
      en: cap(`${action.name[1]} ${subject.name[1]}`) + suffix([region?.[1], mode?.[1], round ? `batch ${round + 1}` : undefined].filter((x): x is string => !!x)),
      ru: cap(`${action.name[2]} ${subject.name[2]}`) + suffix([region?.[2], mode?.[2], round ? `партия ${round + 1}` : undefined].filter((x): x is string => !!x)),
    };
    const materials = new Set<L3>([MATERIALS[0]!, MATERIALS[1]!]);
    const extra = 2 + Math.floor(random() * 5);
    while (materials.size < 2 + extra) materials.add(pick(MATERIALS));
    const toBasis = ([zh, en, ru]: L3) => ({ law: { 'zh-CN': zh, en, ru } });
    docs.push(
      procedureDoc({
        code: `P${String(i).padStart(6, '0')}`,
        name,
        category: action.category,
        materials: [...materials].map(loc),
        legalBasis: [toBasis(subject.law), toBasis(pick(GENERAL_LAWS))],
        abolished: random() < 0.03,
      }),
    );
  }
  return docs;
}

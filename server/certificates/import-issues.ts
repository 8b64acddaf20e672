import type { Lang } from '../../core/contract/index.js';

/** What can be wrong with a certificate import; each names the place in the file (`[2].holder.code`). */
export const IMPORT_ISSUES = [
  'not-json',
  'empty',
  'shape',
  'missing',
  'unknown-key',
  'no-catalog',
  'template-unknown',
  'procedure-unknown',
  'procedure-abolished',
  'hall-unknown',
  'holder-credit-code',
  'holder-resident-id',
  'issuer-code',
  'type-code',
  'dates-order',
  'field-missing',
  'field-unknown',
  'duplicate-in-file',
  'changed-use-reissue',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUES)[number];

export interface ImportIssue {
  path: string;
  code: ImportIssueCode;
  params?: Record<string, string>;
}

const CHECK: Record<Lang, Record<string, string>> = {
  'zh-CN': { length: '长度应为 18 位', characters: '含有不允许的字符', check: '校验位不正确', 'birth-date': '出生日期不存在' },
  en: { length: 'must be 18 characters', characters: 'holds characters it may not', check: 'its check character is wrong', 'birth-date': 'its birth date does not exist' },
  ru: { length: 'должен состоять из 18 символов', characters: 'содержит недопустимые символы', check: 'неверный контрольный символ', 'birth-date': 'дата рождения не существует' },
};

const MESSAGES: Record<Lang, Record<ImportIssueCode, string>> = {
  'zh-CN': {
    'not-json': '文件不是有效的 JSON：{detail}',
    empty: '文件中没有证照。',
    shape: '格式不正确：{detail}',
    missing: '缺少这一项。',
    'unknown-key': '不认识的项：{keys}。',
    'no-catalog': '中心服务器还没有事项目录，请先导入目录。',
    'template-unknown': '没有证照模板“{template}”。',
    'procedure-unknown': '模板对应的事项 {procedure} 不在事项目录中。',
    'procedure-abolished': '模板对应的事项 {procedure} 已于 {date} 废止。',
    'hall-unknown': '没有配置大厅“{hall}”。',
    'holder-credit-code': '持证主体的统一社会信用代码不正确：{problem}。',
    'holder-resident-id': '持证人的公民身份号码不正确：{problem}。',
    'issuer-code': '颁发机构的统一社会信用代码不正确：{problem}。',
    'type-code': '证照类型代码应为统一社会信用代码加 3 位数字：{problem}。',
    'dates-order': '有效期截止日早于起始日。',
    'field-missing': '缺少模板要求的字段“{field}”。',
    'field-unknown': '模板没有字段“{field}”。',
    'duplicate-in-file': '证照 {identifier} 在文件中出现了不止一次。',
    'changed-use-reissue': '证照 {identifier} 已导入且内容不同：要更改请换发（certificate reissue）。',
  },
  en: {
    'not-json': 'the file is not valid JSON: {detail}',
    empty: 'the file holds no certificate',
    shape: 'not in the expected form: {detail}',
    missing: 'this item is missing',
    'unknown-key': 'unknown item(s): {keys}',
    'no-catalog': 'the server holds no catalog yet; import the catalog first',
    'template-unknown': 'there is no certificate template "{template}"',
    'procedure-unknown': "the template's procedure {procedure} is not in the catalog",
    'procedure-abolished': "the template's procedure {procedure} was abolished on {date}",
    'hall-unknown': 'no hall "{hall}" is configured',
    'holder-credit-code': "the holder's unified social credit code is wrong: {problem}",
    'holder-resident-id': "the holder's resident ID number is wrong: {problem}",
    'issuer-code': "the issuer's unified social credit code is wrong: {problem}",
    'type-code': 'the type code must be a unified social credit code and 3 digits: {problem}',
    'dates-order': 'the validity ends before it starts',
    'field-missing': 'the template requires the field "{field}"',
    'field-unknown': 'the template has no field "{field}"',
    'duplicate-in-file': 'certificate {identifier} appears more than once in the file',
    'changed-use-reissue': 'certificate {identifier} was already imported with other data: use reissue (certificate reissue) to change it',
  },
  ru: {
    'not-json': 'файл не является корректным JSON: {detail}',
    empty: 'в файле нет ни одного документа',
    shape: 'неверный формат: {detail}',
    missing: 'этот пункт отсутствует',
    'unknown-key': 'неизвестные пункты: {keys}',
    'no-catalog': 'на сервере ещё нет каталога; сначала импортируйте каталог',
    'template-unknown': 'шаблона документа «{template}» нет',
    'procedure-unknown': 'услуги {procedure} из шаблона нет в каталоге',
    'procedure-abolished': 'услуга {procedure} из шаблона отменена {date}',
    'hall-unknown': 'зал «{hall}» не настроен',
    'holder-credit-code': 'неверный единый код социального кредита владельца: {problem}',
    'holder-resident-id': 'неверный номер удостоверения личности владельца: {problem}',
    'issuer-code': 'неверный единый код социального кредита выдавшего органа: {problem}',
    'type-code': 'код типа — это код социального кредита и 3 цифры: {problem}',
    'dates-order': 'срок действия заканчивается раньше, чем начинается',
    'field-missing': 'шаблон требует поле «{field}»',
    'field-unknown': 'в шаблоне нет поля «{field}»',
    'duplicate-in-file': 'документ {identifier} встречается в файле больше одного раза',
    'changed-use-reissue': 'документ {identifier} уже импортирован с другими данными: чтобы изменить его, переоформите (certificate reissue)',
  },
};

/** The issue's message in `lang`; a check-rule problem (length, check…) is named in the same language. */
export function issueMessage(issue: ImportIssue, lang: Lang): string {
  const params = { ...issue.params };
  if (params.problem) params.problem = CHECK[lang][params.problem] ?? params.problem;
  return MESSAGES[lang][issue.code].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

/** The issues as `{ path, message }` lines (the route's error details, the CLI's list). */
export const issueDetails = (issues: readonly ImportIssue[], lang: Lang) => issues.map((i) => ({ path: i.path || '(file)', message: issueMessage(i, lang) }));

import type { z } from 'zod';
import { CatalogFile } from '../contract/catalog.js';
import { LANGS } from '../contract/common.js';
import { jsonErrorPosition } from './json-position.js';
import { findVagueClause } from './catalog-vague.js';

export interface CatalogIssue {
  /** Where in the file, e.g. "procedures[3].materials[1].name.zh-CN". */
  path: string;
  message: string;
  /** The code of the procedure the issue is in, where there is one. */
  procedure?: string;
}

export type ValidationResult = { ok: true; catalog: CatalogFile } | { ok: false; issues: CatalogIssue[] };

/** Parses and checks a catalog file, collecting every problem rather than stopping at the first. */
export function validateCatalogText(text: string): ValidationResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    return { ok: false, issues: [jsonSyntaxIssue(body, err as Error)] };
  }
  const issues: CatalogIssue[] = [];
  const parsed = CatalogFile.safeParse(raw);
  if (!parsed.success) issues.push(...parsed.error.issues.flatMap((i) => schemaIssue(raw, i)));
  // Semantic checks run on the raw data too, so one run shows every problem in the file.
  issues.push(...semanticIssues(raw));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: inFileOrder(dedupe(issues)) };
  return { ok: true, catalog: parsed.data };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function jsonSyntaxIssue(text: string, err: Error): CatalogIssue {
  const { line, column } = jsonErrorPosition(text);
  return {
    path: `line ${line}, column ${column}`,
    message: `JSON 语法错误（第 ${line} 行第 ${column} 列）/ JSON syntax error at line ${line}, column ${column}: ${err.message.split('\n')[0]}`,
  };
}

type ZodIssue = z.core.$ZodIssue;

function schemaIssue(raw: unknown, issue: ZodIssue): CatalogIssue[] {
  const procedure = procedureCodeAt(raw, issue.path);
  const withCode = (i: CatalogIssue): CatalogIssue => (procedure ? { ...i, procedure } : i);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) =>
      withCode({ path: formatPath([...issue.path, k]), message: `未知字段 / unknown field "${k}"` }),
    );
  }
  return [withCode({ path: formatPath(issue.path) || '(root)', message: schemaMessage(raw, issue) })];
}

function schemaMessage(raw: unknown, issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(raw, issue.path) === undefined) return `缺少必填项 / required field is missing (expected ${issue.expected})`;
      return `类型错误 / wrong type: expected ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return '不能为空 / must not be empty';
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项 / needs at least ${String(issue.minimum)} item(s)`;
      return `不能小于 ${String(issue.minimum)} / must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项 / at most ${String(issue.maximum)} item(s)`;
      return `不能大于 ${String(issue.maximum)} / must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `格式不正确 / invalid format (${issue.format}): ${issue.message}`;
    case 'invalid_value':
      return `取值无效 / invalid value; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `无效 / invalid: ${issue.message}`;
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function procedureCodeAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'procedures' || typeof path[1] !== 'number') return undefined;
  const code = valueAt(raw, ['procedures', path[1], 'code']);
  return typeof code === 'string' ? code : undefined;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

function semanticIssues(raw: unknown): CatalogIssue[] {
  if (!isObj(raw)) return [];
  const issues: CatalogIssue[] = [];
  const categories = codesOf(raw.categories, 'categories', ['分类', 'category'], issues);
  const departments = codesOf(raw.departments, 'departments', ['部门', 'department'], issues);
  const procedures = codesOf(raw.procedures, 'procedures', ['事项', 'procedure'], issues);

  checkProhibitionNumbers(raw.prohibitions, issues);

  arr(raw.procedures).forEach((p, i) => {
    if (!isObj(p)) return;
    const code = str(p.code);
    const at = (path: string, message: string): void => {
      issues.push(code ? { path: `procedures[${i}].${path}`, message, procedure: code } : { path: `procedures[${i}].${path}`, message });
    };
    const category = str(p.category);
    if (category !== undefined && !categories.has(category)) {
      at('category', `未知分类 / unknown category "${category}"（categories 中没有此代码 / not defined in categories）`);
    }
    const department = str(p.department);
    if (department !== undefined && !departments.has(department)) {
      at('department', `未知部门 / unknown department "${department}"（departments 中没有此代码 / not defined in departments）`);
    }
    if (isObj(p.abolished)) {
      const to = str(p.abolished.replacedBy);
      if (to !== undefined && !procedures.has(to)) {
        at('abolished.replacedBy', `替代事项不存在 / replacedBy points to unknown procedure "${to}"`);
      } else if (to !== undefined && to === code) {
        at('abolished.replacedBy', '替代事项不能是其本身 / a procedure cannot replace itself');
      }
    }
    const s = p.statutoryDays;
    const pr = p.promisedDays;
    if (typeof s === 'number' && typeof pr === 'number' && pr > s) {
      at('promisedDays', `承诺时限（${pr}）不能长于法定时限（${s}）/ promised days (${pr}) exceed statutory days (${s})`);
    }
    arr(p.materials).forEach((m, j) => {
      if (!isObj(m) || !isObj(m.name)) return;
      for (const lang of LANGS) {
        const name = str(m.name[lang]);
        const clause = name ? findVagueClause(name) : null;
        if (clause) {
          at(
            `materials[${j}].name.${lang}`,
            `材料名称含模糊条款「${clause}」（实施方案二(五)要求取消）/ vague material clause "${clause}" is not allowed: name each document`,
          );
        }
      }
    });
  });
  return issues;
}

/** Collects the codes of a list and reports duplicates; returns every code seen. */
function codesOf(list: unknown, key: string, [zh, en]: [string, string], issues: CatalogIssue[]): Set<string> {
  const seen = new Map<string, number>();
  arr(list).forEach((item, i) => {
    const code = isObj(item) ? str(item.code) : undefined;
    if (code === undefined) return;
    const first = seen.get(code);
    if (first !== undefined) {
      const issue: CatalogIssue = {
        path: `${key}[${i}].code`,
        message: `${zh}代码重复「${code}」/ duplicate ${en} code "${code}" (first at ${key}[${first}])`,
      };
      if (key === 'procedures') issue.procedure = code;
      issues.push(issue);
    } else seen.set(code, i);
  });
  return new Set(seen.keys());
}

function checkProhibitionNumbers(list: unknown, issues: CatalogIssue[]): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<number, number>();
  list.forEach((item, i) => {
    const no = isObj(item) ? item.no : undefined;
    if (typeof no !== 'number') return;
    const first = seen.get(no);
    if (first !== undefined) {
      issues.push({ path: `prohibitions[${i}].no`, message: `编号 ${no} 重复 / number ${no} appears twice (first at prohibitions[${first}])` });
    } else seen.set(no, i);
  });
  const missing = Array.from({ length: 11 }, (_, k) => k + 1).filter((n) => !seen.has(n));
  if (missing.length > 0) {
    issues.push({ path: 'prohibitions', message: `缺少编号 / missing numbers: ${missing.join(', ')}（十一不准须编号 1–11 各一次 / must be numbered 1..11 once each）` });
  }
}

const TOP = ['version', 'categories', 'departments', 'prohibitions', 'procedures'];

/** Groups issues by the top-level entry they are in (e.g. procedures[3]), in file order; stable within a group. */
function inFileOrder(issues: CatalogIssue[]): CatalogIssue[] {
  const rank = (path: string): [number, number] => {
    const m = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(path);
    const top = m ? TOP.indexOf(m[1]!) : -1;
    return [top === -1 ? TOP.length : top, m?.[2] !== undefined ? Number(m[2]) : -1];
  };
  return issues
    .map((issue, n) => ({ issue, n, r: rank(issue.path) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.n - b.n)
    .map((x) => x.issue);
}

function dedupe(issues: CatalogIssue[]): CatalogIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

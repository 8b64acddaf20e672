import type { z } from 'zod';
import { CertificateInput, type CatalogFile, type CertificateTemplate } from '../../core/contract/index.js';
import { buildCertificateId } from '../../core/common/certificate-id.js';
import { creditCodeProblem, normalizeCreditCode } from '../../core/common/credit-code.js';
import { normalizeResidentId, residentIdProblem } from '../../core/common/resident-id.js';
import type { ImportIssue } from './import-issues.js';

/** A certificate of the file that passed every check, with its version-1 identifier. */
export interface CheckedInput {
  input: CertificateInput;
  template: CertificateTemplate;
  identifier: string;
  /** `[2]` in an array file, '' for a single certificate. */
  at: string;
}

export interface ImportContext {
  templates: ReadonlyMap<string, CertificateTemplate>;
  catalog: CatalogFile | null;
  halls: ReadonlySet<string>;
}

const pathText = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
const join = (at: string, rest: string) => (at && rest ? `${at}.${rest}` : at || rest);

/**
 * Every problem of the file's certificates, each with its path, or the certificates as they will be
 * stored (codes normalized). A file with any problem imports nothing.
 */
export function checkCertificates(json: unknown, ctx: ImportContext): { ok: true; items: CheckedInput[] } | { ok: false; issues: ImportIssue[] } {
  const many = Array.isArray(json);
  const raw = many ? (json as unknown[]) : [json];
  if (!raw.length) return { ok: false, issues: [{ path: '', code: 'empty' }] };
  const issues: ImportIssue[] = [];
  const items: CheckedInput[] = [];
  const seen = new Map<string, string>();
  raw.forEach((item, n) => {
    const at = many ? `[${n}]` : '';
    const parsed = CertificateInput.safeParse(item);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push(shapeIssue(i, join(at, pathText(i.path))));
      return;
    }
    const found = checkOne(parsed.data, at, ctx);
    if ('issues' in found) return void issues.push(...found.issues);
    const first = seen.get(found.identifier);
    if (first !== undefined) return void issues.push({ path: at, code: 'duplicate-in-file', params: { identifier: found.identifier, first } });
    seen.set(found.identifier, at);
    items.push(found);
  });
  return issues.length ? { ok: false, issues } : { ok: true, items };
}

function shapeIssue(i: z.core.$ZodIssue, path: string): ImportIssue {
  if (i.code === 'invalid_type' && i.input === undefined) return { path, code: 'missing' };
  if (i.code === 'unrecognized_keys') return { path, code: 'unknown-key', params: { keys: i.keys.join(', ') } };
  return { path, code: 'shape', params: { detail: i.message } };
}

function checkOne(given: CertificateInput, at: string, ctx: ImportContext): CheckedInput | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const here = (path: string, code: ImportIssue['code'], params?: Record<string, string>) => issues.push({ path: join(at, path), code, ...(params ? { params } : {}) });
  const holderCode = given.holder.codeType === '001' ? normalizeCreditCode(given.holder.code) : normalizeResidentId(given.holder.code);
  const input: CertificateInput = { ...given, holder: { ...given.holder, code: holderCode }, issuer: { ...given.issuer, code: normalizeCreditCode(given.issuer.code) } };

  const template = ctx.templates.get(input.template);
  if (!template) here('template', 'template-unknown', { template: input.template });
  else if (!ctx.catalog) here('template', 'no-catalog');
  else {
    const procedure = ctx.catalog.procedures.find((p) => p.code === template.procedureId);
    if (!procedure) here('template', 'procedure-unknown', { procedure: template.procedureId });
    else if (procedure.abolished) here('template', 'procedure-abolished', { procedure: template.procedureId, date: procedure.abolished.date });
  }
  if (!ctx.halls.has(input.hall)) here('hall', 'hall-unknown', { hall: input.hall });

  if (input.holder.codeType === '001') {
    const problem = creditCodeProblem(holderCode);
    if (problem) here('holder.code', 'holder-credit-code', { problem });
  } else {
    const problem = residentIdProblem(holderCode);
    if (problem) here('holder.code', 'holder-resident-id', { problem });
  }
  const issuerProblem = creditCodeProblem(input.issuer.code);
  if (issuerProblem) here('issuer.code', 'issuer-code', { problem: issuerProblem });
  const typeProblem = creditCodeProblem(input.typeCode.slice(0, 18));
  if (typeProblem) here('typeCode', 'type-code', { problem: typeProblem });
  if (input.validUntil !== null && input.validUntil < input.validFrom) here('validUntil', 'dates-order');

  if (template) {
    for (const f of template.fields) if (f.required && !input.fields[f.key]?.trim()) here(`fields.${f.key}`, 'field-missing', { field: f.key });
    for (const key of Object.keys(input.fields)) if (!template.fields.some((f) => f.key === key)) here(`fields.${key}`, 'field-unknown', { field: key });
  }
  if (issues.length || !template) return { issues };
  return { input, template, at, identifier: buildCertificateId({ typeCode: input.typeCode, issuerCode: input.issuer.code, serial: input.serial, version: 1 }) };
}

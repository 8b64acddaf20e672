import { api, openApiDocument } from '../../core/contract/index.js';

type Doc = ReturnType<typeof openApiDocument>;

export function terminalOpenApi(version: string): Doc {
  return openApiDocument('Consultation hall terminal service', version, api);
}

/** A readable page of the same document: one section per route with its parameters. */
export function apiMarkdown(doc: Doc): string {
  const lines = [
    '# Terminal service API',
    '',
    'Generated from `core/contract` by `npm run docs:api`; a test fails if this file is out of date.',
    'Served live at `GET /api/openapi.json`. Errors are `{ "error": { "code", "message", "details"? } }`',
    'with HTTP 4xx, `message` in the language of `lang` (or Accept-Language); a rejected request changes nothing.',
    '',
  ];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods) as [string, { summary: string; parameters: { name: string; in: string; required: boolean; schema: { type?: string; enum?: string[]; default?: unknown; maxLength?: number } }[] }][]) {
      lines.push(`## ${method.toUpperCase()} ${path}`, '', op.summary, '');
      if (op.parameters.length) {
        lines.push('| parameter | in | required | type |', '| --- | --- | --- | --- |');
        for (const p of op.parameters) {
          const s = p.schema;
          const type = [s.enum ? s.enum.join(' \\| ') : (s.type ?? 'any'), s.maxLength ? `≤ ${s.maxLength} chars` : '', s.default !== undefined ? `default ${JSON.stringify(s.default)}` : '']
            .filter(Boolean)
            .join(', ');
          lines.push(`| ${p.name} | ${p.in} | ${p.required ? 'yes' : 'no'} | ${type} |`);
        }
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}

import { z } from 'zod';
import type { RouteDef } from './api.js';
import { ErrorBody } from './errors.js';

const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });
const toInputSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

function parameters(where: 'path' | 'query', obj: z.ZodObject | undefined) {
  if (!obj) return [];
  const json = toInputSchema(obj) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema,
  }));
}

/** An OpenAPI 3.1 document for a route table, generated so it cannot drift from the schemas. */
export function openApiDocument(title: string, version: string, routes: Record<string, RouteDef>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, r] of Object.entries(routes)) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      operationId,
      summary: r.summary,
      parameters: [...parameters('path', r.params), ...parameters('query', r.query)],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toInputSchema(r.body) } } } } : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: toSchema(r.response) } } },
        '4XX': { description: 'Rejected; nothing was changed', content: { 'application/json': { schema: toSchema(ErrorBody) } } },
      },
    };
  }
  return { openapi: '3.1.0', info: { title, version }, paths };
}

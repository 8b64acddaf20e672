import { z } from 'zod';
import { openApiDocument, ServerErrorBody, serverApi, SIGNATURE_HEADERS } from '../../core/contract/index.js';

const SIGNATURE_PARAMS = Object.values(SIGNATURE_HEADERS).map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } }));

/** The shared generator, with the server's error codes and the signature headers of signed routes. */
export function serverOpenApi(version: string) {
  const doc = openApiDocument('Consultation hall central server', version, serverApi);
  const errorSchema = z.toJSONSchema(ServerErrorBody, { io: 'output' });
  for (const [operationId, route] of Object.entries(serverApi)) {
    const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] as {
      operationId: string;
      parameters: object[];
      responses: Record<string, { description?: string; content?: Record<string, { schema: unknown }> }>;
    };
    if (op?.operationId !== operationId) continue;
    const rejected = op.responses['4XX']?.content?.['application/json'];
    if (rejected) rejected.schema = errorSchema;
    if (route.signed) op.parameters.push(...SIGNATURE_PARAMS);
    if ('gone' in route) {
      op.responses['410'] = {
        description: 'The cursor is older than the kept changes: replace the data with this snapshot',
        content: { 'application/json': { schema: z.toJSONSchema(route.gone, { io: 'output' }) } },
      };
    }
  }
  return doc;
}

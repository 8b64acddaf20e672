import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, api, type Api, type RouteName, type RouteOutput } from '../../core/contract/index.js';
import { errorBody, fromZodError } from './errors.js';
import { requestLang } from './lang.js';

type Parsed<N extends RouteName> = (Api[N] extends { params: infer P extends z.ZodType } ? z.infer<P> : unknown) &
  (Api[N] extends { query: infer Q extends z.ZodType } ? z.infer<Q> : unknown) &
  (Api[N] extends { body: infer B extends z.ZodType } ? { body: z.infer<B> } : unknown);

/** What a handler knows of the caller: the clerk's bearer token on staff routes. */
export interface CallContext {
  token: string | null;
}

export type Handlers = { [N in RouteName]: (input: Parsed<N>, ctx: CallContext) => RouteOutput<N> | Promise<RouteOutput<N>> };

function bearer(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Registers every route of the contract, validating input and output with its schemas. */
export function registerApi(app: FastifyInstance, handlers: Handlers): void {
  for (const name of Object.keys(api) as RouteName[]) {
    const route = api[name];
    app.route({
      method: route.method,
      url: route.path,
      handler: async (req, reply) => {
        const parsed = z
          .object({})
          .extend('params' in route ? (route.params as z.ZodObject).shape : {})
          .extend(route.query.shape)
          .safeParse({ ...(req.query as object), ...(req.params as object) });
        if (!parsed.success) throw fromZodError(parsed.error);
        const input = 'body' in route ? { ...parsed.data, body: (route.body as z.ZodType).parse(req.body) } : parsed.data;
        const token = bearer(req.headers.authorization);
        if ('staff' in route && route.staff && !token) throw new AppError('UNAUTHORIZED');
        const out = await (handlers[name] as (i: unknown, c: CallContext) => unknown)(input, { token });
        return reply.send(route.response.parse(out));
      },
    });
  }

  app.setErrorHandler((err, req, reply) => {
    const lang = requestLang(req.query, req.headers['accept-language']);
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (err instanceof z.ZodError) appErr = fromZodError(err);
    else if ((err as { statusCode?: number }).statusCode && (err as { statusCode: number }).statusCode < 500) {
      appErr = new AppError('VALIDATION_FAILED');
    } else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    const { status, body } = errorBody(appErr, lang);
    return reply.status(status).send(body);
  });
}

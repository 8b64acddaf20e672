import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, api, type Api, type RouteName, type RouteOutput } from '../../core/contract/index.js';
import { errorBody, fromZodError } from './errors.js';
import { requestLang } from './lang.js';

type Parsed<N extends RouteName> = (Api[N] extends { params: infer P extends z.ZodType } ? z.infer<P> : unknown) &
  (Api[N] extends { query: infer Q extends z.ZodType } ? z.infer<Q> : unknown) &
  (Api[N] extends { body: infer B extends z.ZodType } ? { body: z.infer<B> } : unknown);

export type Handlers = { [N in RouteName]: (input: Parsed<N>) => RouteOutput<N> | Promise<RouteOutput<N>> };

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
        const out = await (handlers[name] as (i: unknown) => unknown)(input);
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

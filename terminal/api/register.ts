import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, api, type Api, type RouteName, type RouteOutput } from '../../core/contract/index.js';
import type { ServiceErrors } from '../../core/common/http-errors.js';
import { registerRoutes } from '../../core/common/http-routes.js';
import type { ClerkSession } from '../queue/counter-desk.js';

type Parsed<N extends RouteName> = (Api[N] extends { params: infer P extends z.ZodType } ? z.infer<P> : unknown) &
  (Api[N] extends { query: infer Q extends z.ZodType } ? z.infer<Q> : unknown) &
  (Api[N] extends { body: infer B extends z.ZodType } ? { body: z.infer<B> } : unknown);

/** What a handler knows of the caller: on staff routes, the clerk's session, resolved from the bearer token before the handler runs. */
export type CallContext<N extends RouteName = RouteName> = Api[N] extends { staff: true } ? { clerk: ClerkSession } : object;

export type Handlers = { [N in RouteName]: (input: Parsed<N>, ctx: CallContext<N>) => RouteOutput<N> | Promise<RouteOutput<N>> };

/** The clerk behind a bearer token; throws UNAUTHORIZED (unknown, expired, idle). */
export type ResolveClerk = (token: string) => ClerkSession;

function bearer(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Registers every route of the contract; a staff route's token is checked here, once, before its input is read. */
export function registerApi(app: FastifyInstance, handlers: Handlers, errors: ServiceErrors<AppError, FastifyRequest>, resolveClerk: ResolveClerk): void {
  registerRoutes(app, {
    routes: api,
    errors,
    caller: (route, req): { clerk?: ClerkSession } => {
      if (!('staff' in route && route.staff)) return {};
      const token = bearer(req.headers.authorization);
      if (!token) throw new AppError('UNAUTHORIZED');
      return { clerk: resolveClerk(token) };
    },
    // Query and path parameters reach the handler side by side; the body as `body`.
    input: ({ query, params, body }) => ({ ...(query as object), ...(params as object), ...(body === undefined ? {} : { body }) }),
    handle: (name, input, ctx) => (handlers[name as RouteName] as (i: unknown, c: unknown) => unknown)(input, ctx),
  });
}

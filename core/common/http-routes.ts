import type { z } from 'zod';
import { asServiceError, routeOf, sendError, type HttpReply, type HttpRequest, type ServiceErrors } from './http-errors.js';

/** One route of a contract table (core/contract): the terminal's `api` and the server's `serverApi` both fit. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

export interface HttpHost<Req extends HttpRequest, Rep extends HttpReply> {
  route(opts: { method: RouteSpec['method']; url: string; handler: (req: Req, reply: Rep) => Promise<unknown> }): unknown;
  setErrorHandler(handler: (err: unknown, req: Req, reply: Rep) => unknown): unknown;
}

export type InputPart = 'query' | 'params' | 'body';
const PARTS: readonly InputPart[] = ['query', 'params', 'body'];

export interface RouteRegistration<R extends RouteSpec, Req extends HttpRequest, Ctx, E extends Error> {
  routes: Record<string, R>;
  errors: ServiceErrors<E, Req>;
  /** Who calls, found before any input is read: a signature covers the request as it was sent. */
  caller(route: R, req: Req): Ctx | Promise<Ctx>;
  /** The handler's input from the parts the route has. */
  input(parts: Partial<Record<InputPart, unknown>>): unknown;
  /** A part that fails its schema; `errors.fromZod` unless the service reads a part otherwise. */
  refuse?(part: InputPart, err: z.ZodError): E;
  handle(name: string, input: unknown, ctx: Ctx): unknown;
  /** A status other than 200 for an answer. */
  status?(route: R, answer: unknown): number | undefined;
}

/**
 * Registers every route of a contract table: finds the caller, validates each part of the input and
 * the answer with the route's schemas, and turns every error into the service's error body. An
 * answer that fails its own schema is the service's fault: a logged 500, never blamed on the caller.
 */
export function registerRoutes<R extends RouteSpec, Req extends HttpRequest, Rep extends HttpReply, Ctx, E extends Error>(
  app: HttpHost<NoInfer<Req>, Rep>,
  reg: RouteRegistration<R, Req, Ctx, E>,
): void {
  const { errors } = reg;
  const refuse = reg.refuse ?? ((_part: InputPart, err: z.ZodError) => errors.fromZod(err));
  for (const [name, route] of Object.entries(reg.routes)) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (req, reply) => {
        const ctx = await reg.caller(route, req);
        const parts: Partial<Record<InputPart, unknown>> = {};
        for (const part of PARTS) {
          const schema = route[part];
          if (!schema) continue;
          const parsed = schema.safeParse(part === 'body' ? req.body : (req[part] ?? {}));
          if (!parsed.success) throw refuse(part, parsed.error);
          parts[part] = parsed.data;
        }
        const out = await reg.handle(name, reg.input(parts), ctx);
        const answer = route.response.safeParse(out);
        if (!answer.success) {
          const issues = answer.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
          errors.logFault(req, { route: routeOf(req), message: 'answer does not match its schema', issues });
          throw errors.create('INTERNAL');
        }
        const status = reg.status?.(route, answer.data);
        if (status !== undefined) reply.status(status);
        return reply.send(answer.data);
      },
    });
  }
  app.setErrorHandler((err, req, reply) => sendError(errors, asServiceError(errors, err, req), req, reply));
}

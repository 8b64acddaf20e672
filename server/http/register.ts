import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ServerError, serverApi, type ServerApi, type ServerRouteName } from '../../core/contract/index.js';
import type { StaffPrincipal } from '../staff/sessions.js';
import type { TerminalRow } from '../terminals/repository.js';
import { acceptLang, errorBody, fromZodError } from './errors.js';

type Parsed<N extends ServerRouteName> = (ServerApi[N] extends { query: infer Q extends z.ZodType } ? z.infer<Q> : unknown) &
  (ServerApi[N] extends { params: infer P extends z.ZodType } ? { params: z.infer<P> } : unknown) &
  (ServerApi[N] extends { body: infer B extends z.ZodType } ? { body: z.infer<B> } : unknown);
type Context<N extends ServerRouteName> = { clientAddress: string } & (ServerApi[N]['signed'] extends true ? { terminal: TerminalRow } : object) &
  (ServerApi[N] extends { roles: readonly unknown[] } ? { staff: StaffPrincipal } : object);
type Output<N extends ServerRouteName> = z.infer<ServerApi[N]['response']>;

export type ServerHandlers = {
  [N in ServerRouteName]: (input: Parsed<N>, ctx: Context<N>) => Output<N> | Promise<Output<N>>;
};

export type Authenticate = (req: FastifyRequest, body: Buffer) => Promise<TerminalRow>;
/** The staff member behind the request's bearer token; throws STAFF_UNAUTHORIZED. */
export type AuthenticateStaff = (req: FastifyRequest) => Promise<StaffPrincipal>;

/**
 * Registers every route of the server contract. Mirrors terminal/api/register.ts (which the server
 * may not import); the difference is signed routes, whose caller is authenticated before parsing.
 */
export function registerServerApi(app: FastifyInstance, handlers: ServerHandlers, authenticate: Authenticate, authenticateStaff: AuthenticateStaff): void {
  // Signatures cover the exact bytes sent, so keep them beside the parsed body.
  const rawBodies = new WeakMap<FastifyRequest, Buffer>();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    rawBodies.set(req, buf);
    if (buf.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(buf.toString('utf8')));
    } catch {
      done(new ServerError('VALIDATION_FAILED', [{ path: '', message: 'body is not JSON' }]), undefined);
    }
  });

  for (const name of Object.keys(serverApi) as ServerRouteName[]) {
    const route: ServerApi[ServerRouteName] = serverApi[name];
    app.route({
      method: route.method,
      url: route.path,
      handler: async (req, reply) => {
        const ctx: { clientAddress: string; terminal?: TerminalRow; staff?: StaffPrincipal } = { clientAddress: req.ip };
        if (route.signed) ctx.terminal = await authenticate(req, rawBodies.get(req) ?? Buffer.alloc(0));
        if ('roles' in route) {
          // A kiosk, a clerk or anyone without a session never reaches a staff route of another role.
          const staff = await authenticateStaff(req);
          if (!(route.roles as readonly string[]).includes(staff.role)) throw new ServerError('ROLE_FORBIDDEN');
          ctx.staff = staff;
        }
        const query = route.query.safeParse(req.query ?? {});
        if (!query.success) throw fromZodError(query.error);
        let input: object = query.data;
        if ('params' in route) {
          const params = route.params.safeParse(req.params ?? {});
          // An id that cannot exist names nothing.
          if (!params.success) throw new ServerError('NOT_FOUND');
          input = { ...input, params: params.data };
        }
        if ('body' in route) {
          const body = route.body.safeParse(req.body);
          if (!body.success) throw fromZodError(body.error);
          input = { ...input, body: body.data };
        }
        const out = await (handlers[name] as (i: unknown, c: unknown) => unknown)(input, ctx);
        const answer = route.response.parse(out);
        if ('gone' in route && route.gone.safeParse(answer).success) reply.status(410);
        return reply.send(answer);
      },
    });
  }

  app.setErrorHandler((err, req, reply) => {
    let e: ServerError;
    if (err instanceof ServerError) e = err;
    else if (err instanceof z.ZodError) e = fromZodError(err);
    else if ((err as { statusCode?: number }).statusCode && (err as { statusCode: number }).statusCode < 500) e = new ServerError('VALIDATION_FAILED');
    else {
      req.log.error({ err }, 'unhandled error');
      e = new ServerError('INTERNAL');
    }
    const { status, body } = errorBody(e, acceptLang(req.headers['accept-language']));
    if (e.retryAfterSeconds !== undefined) reply.header('retry-after', String(e.retryAfterSeconds));
    return reply.status(status).send(body);
  });
}

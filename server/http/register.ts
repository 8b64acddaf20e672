import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ServerError, serverApi, type Lang, type ServerApi, type ServerRouteName } from '../../core/contract/index.js';
import type { ServiceErrors } from '../../core/common/http-errors.js';
import { registerRoutes } from '../../core/common/http-routes.js';
import type { ClerkPrincipal } from '../staff/counter-sessions.js';
import type { StaffPrincipal } from '../staff/sessions.js';
import type { TerminalRow } from '../terminals/repository.js';

type Parsed<N extends ServerRouteName> = (ServerApi[N] extends { query: infer Q extends z.ZodType } ? z.infer<Q> : unknown) &
  (ServerApi[N] extends { params: infer P extends z.ZodType } ? { params: z.infer<P> } : unknown) &
  (ServerApi[N] extends { body: infer B extends z.ZodType } ? { body: z.infer<B> } : unknown);
type Context<N extends ServerRouteName> = { clientAddress: string; lang: Lang } & (ServerApi[N]['signed'] extends true ? { terminal: TerminalRow } : object) &
  (ServerApi[N] extends { roles: readonly unknown[] } ? { staff: StaffPrincipal } : object) &
  (ServerApi[N] extends { clerk: 'required' } ? { clerk: ClerkPrincipal } : ServerApi[N] extends { clerk: 'optional' } ? { clerk: ClerkPrincipal | null } : object);
type Output<N extends ServerRouteName> = z.infer<ServerApi[N]['response']>;

export type ServerHandlers = {
  [N in ServerRouteName]: (input: Parsed<N>, ctx: Context<N>) => Output<N> | Promise<Output<N>>;
};

export type Authenticate = (req: FastifyRequest, body: Buffer) => Promise<TerminalRow>;
/** The staff member behind the request's bearer token; throws STAFF_UNAUTHORIZED. */
export type AuthenticateStaff = (req: FastifyRequest) => Promise<StaffPrincipal>;
/** The clerk behind the request's counter session header, null without one; throws CLERK_SESSION_REQUIRED. */
export type AuthenticateClerk = (req: FastifyRequest, terminal: TerminalRow) => Promise<ClerkPrincipal | null>;
/** The business systems' bearer token (integration routes); throws NOT_FOUND when none is configured, INTEGRATION_UNAUTHORIZED when wrong. */
export type AuthenticateIntegration = (req: FastifyRequest) => Promise<void>;

/** Registers every route of the server contract; a signed route's caller is authenticated, and its roles checked, before its input is read. */
export function registerServerApi(
  app: FastifyInstance,
  handlers: ServerHandlers,
  errors: ServiceErrors<ServerError, FastifyRequest>,
  authenticate: Authenticate,
  authenticateStaff: AuthenticateStaff,
  authenticateClerk: AuthenticateClerk,
  authenticateIntegration: AuthenticateIntegration = async () => {
    throw new ServerError('NOT_FOUND');
  },
): void {
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

  registerRoutes(app, {
    routes: serverApi as Record<string, ServerApi[ServerRouteName]>,
    errors,
    caller: async (route, req) => {
      const ctx: { clientAddress: string; lang: Lang; terminal?: TerminalRow; staff?: StaffPrincipal; clerk?: ClerkPrincipal | null } = { clientAddress: req.ip, lang: errors.lang(req) };
      if ('integration' in route) await authenticateIntegration(req);
      if (route.signed) {
        ctx.terminal = await authenticate(req, rawBodies.get(req) ?? Buffer.alloc(0));
        // A hall TV's key never reaches a counter's route, whatever its body claims.
        const roles: readonly string[] = route.terminalRoles;
        if (!ctx.terminal.roles.some((r) => roles.includes(r))) throw new ServerError('TERMINAL_ROLE_FORBIDDEN');
      }
      if ('clerk' in route && ctx.terminal) {
        // Handlers take the clerk from here, never from the body.
        ctx.clerk = await authenticateClerk(req, ctx.terminal);
        if (!ctx.clerk && route.clerk === 'required') throw new ServerError('CLERK_SESSION_REQUIRED');
      }
      if ('roles' in route) {
        // A kiosk, a clerk or anyone without a session never reaches a staff route of another role.
        const staff = await authenticateStaff(req);
        if (!(route.roles as readonly string[]).includes(staff.role)) throw new ServerError('ROLE_FORBIDDEN');
        ctx.staff = staff;
      }
      return ctx;
    },
    // An id that cannot exist names nothing.
    refuse: (part, err) => (part === 'params' ? new ServerError('NOT_FOUND') : errors.fromZod(err)),
    input: ({ query, params, body }) => ({ ...(query as object), ...(params === undefined ? {} : { params }), ...(body === undefined ? {} : { body }) }),
    handle: (name, input, ctx) => (handlers[name as ServerRouteName] as (i: unknown, c: unknown) => unknown)(input, ctx),
    status: (route, answer) => ('gone' in route && route.gone?.safeParse(answer).success ? 410 : undefined),
  });
}

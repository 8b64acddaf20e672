import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { AppError, type ScreenMessage } from '../core/contract/index.js';
import type { Db } from '../core/db/connection.js';
import { deviceId } from '../core/db/meta.js';
import { parserRefusal, routerRefusal } from '../core/common/http-refusals.js';
import { securityHeaders } from '../core/common/security-headers.js';
import { ROOT, type TerminalConfig } from './config.js';
import { terminalHandlers } from './api/handlers.js';
import { terminalOpenApi } from './api/api-docs.js';
import { errorBody, terminalErrors } from './api/errors.js';
import { registerPairRoute, screenCookie } from './api/pair-route.js';
import { liveFeed, remoteRefusal, screenAccess, type Access } from './api/screen-access.js';
import { requestLang } from './api/lang.js';
import { registerApi } from './api/register.js';
import type { TerminalRuntime } from './runtime.js';

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The terminal service: the contract API, the live channel and the built screens, on one port. */
export async function buildTerminalApp(
  db: Db,
  config: TerminalConfig,
  runtime: TerminalRuntime,
  opts: { logger?: boolean; log?: (line: string) => void; now?: () => Date } = {},
): Promise<FastifyInstance> {
  const errors = terminalErrors(opts.log ?? (() => {}));
  const app = Fastify({
    logger: opts.logger ?? false,
    frameworkErrors: routerRefusal(errors),
    clientErrorHandler: parserRefusal(errors),
    // A pasted 10,000-character query must reach the API and get a translated error, not a bare 431.
    serverFactory: (handler) => createServer({ maxHeaderSize: 256 * 1024 }, handler),
  });

  const access = new WeakMap<FastifyRequest, Access>();
  app.addHook('onSend', async (req, reply) => {
    reply.headers(securityHeaders(req.url));
  });
  app.addHook('onRequest', async (req, reply) => {
    const found = screenAccess(db, req);
    const refusal = found instanceof AppError ? found : found.local ? null : remoteRefusal(found, req);
    if (refusal) {
      const { status, body } = errorBody(refusal, requestLang(req.query, req.headers['accept-language']));
      return reply.status(status).send(body);
    }
    const granted = found as Access;
    access.set(req, granted);
    if (granted.local || req.url.startsWith('/api/')) return;
    // Another computer's browser opening "/" gets its screen; a paired one's page loads keep its cookie alive.
    if (req.url.split('?')[0] === '/') return reply.redirect(`/${granted.roles[0]}`);
    if (granted.token && req.routeOptions.url === undefined) reply.header('set-cookie', screenCookie(granted.token));
  });
  registerApi(app, terminalHandlers(db, config, VERSION, runtime), errors, (token) => runtime.desk.session(token));
  registerPairRoute(app, db, opts.now ?? (() => new Date()));
  app.get('/api/openapi.json', async () => terminalOpenApi(VERSION));

  await app.register(fastifyWebsocket);
  app.get('/api/live', { websocket: true }, (socket, req) => {
    const accepts = liveFeed(access.get(req) ?? { local: false, roles: [], token: null });
    if (accepts('hello')) socket.send(JSON.stringify({ type: 'hello', deviceId: deviceId(db), role: config.role } satisfies ScreenMessage));
    runtime.screens.add(socket, accepts);
  });

  const hasScreens = existsSync(join(config.rendererDir, 'index.html'));
  if (hasScreens) await app.register(fastifyStatic, { root: config.rendererDir, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (hasScreens && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    const { status, body } = errorBody(new AppError('NOT_FOUND'), requestLang(req.query, req.headers['accept-language']));
    return reply.status(status).send(body);
  });
  return app;
}

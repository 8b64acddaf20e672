import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { AppError, type ScreenMessage } from '../core/contract/index.js';
import type { Db } from '../core/db/connection.js';
import { deviceId } from '../core/db/meta.js';
import { parserRefusal, routerRefusal } from '../core/common/http-refusals.js';
import { ROOT, type TerminalConfig } from './config.js';
import { terminalHandlers } from './api/handlers.js';
import { terminalOpenApi } from './api/api-docs.js';
import { errorBody, terminalErrors } from './api/errors.js';
import { isAllowedRequest } from './api/guard.js';
import { requestLang } from './api/lang.js';
import { registerApi } from './api/register.js';
import type { TerminalRuntime } from './runtime.js';

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The terminal service: the contract API, the live channel and the built screens, on one port. */
export async function buildTerminalApp(
  db: Db,
  config: TerminalConfig,
  runtime: TerminalRuntime,
  opts: { logger?: boolean; log?: (line: string) => void } = {},
): Promise<FastifyInstance> {
  const errors = terminalErrors(opts.log ?? (() => {}));
  const app = Fastify({
    logger: opts.logger ?? false,
    frameworkErrors: routerRefusal(errors),
    clientErrorHandler: parserRefusal(errors),
    // A pasted 10,000-character query must reach the API and get a translated error, not a bare 431.
    serverFactory: (handler) => createServer({ maxHeaderSize: 256 * 1024 }, handler),
  });

  app.addHook('onRequest', async (req, reply) => {
    if (isAllowedRequest(config.host, req.headers.host, req.headers.origin)) return;
    const { body } = errorBody(new AppError('FORBIDDEN'), requestLang(req.query, req.headers['accept-language']));
    return reply.status(403).send(body);
  });
  registerApi(app, terminalHandlers(db, config, VERSION, runtime), errors, (token) => runtime.desk.session(token));
  app.get('/api/openapi.json', async () => terminalOpenApi(VERSION));

  await app.register(fastifyWebsocket);
  app.get('/api/live', { websocket: true }, (socket) => {
    socket.send(JSON.stringify({ type: 'hello', deviceId: deviceId(db), role: config.role } satisfies ScreenMessage));
    runtime.screens.add(socket);
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

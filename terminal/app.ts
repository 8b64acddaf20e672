import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { api, openApiDocument } from '../core/contract/index.js';
import type { Db } from '../core/db/connection.js';
import { deviceId } from '../core/db/meta.js';
import { ROOT, type TerminalConfig } from './config.js';
import { terminalHandlers } from './api/handlers.js';
import { registerApi } from './api/register.js';

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The terminal service: the contract API, the live channel and the built screens, on one port. */
export async function buildTerminalApp(db: Db, config: TerminalConfig, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // A pasted 10,000-character query must reach the API and get a translated error, not a bare 431.
    serverFactory: (handler) => createServer({ maxHeaderSize: 256 * 1024 }, handler),
  });

  registerApi(app, terminalHandlers(db, config, VERSION));
  app.get('/api/openapi.json', async () => openApiDocument('Consultation hall terminal service', VERSION, api));

  await app.register(fastifyWebsocket);
  app.get('/api/live', { websocket: true }, (socket) => {
    socket.send(JSON.stringify({ type: 'hello', deviceId: deviceId(db), role: config.role }));
  });

  if (existsSync(join(config.rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.rendererDir, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found' } });
      return reply.sendFile('index.html');
    });
  }
  return app;
}

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_ROOT } from '../config.js';

/** Where `npm run build:renderer` puts the screens; the same bundle the terminals serve. */
export const RENDERER_DIR = join(SERVER_ROOT, 'dist/renderer');

/**
 * The supervision pages: the built screens' files, and index.html for /supervisor and every path
 * below it (the page routes itself), and the public certificate check /verify (no sign-in). Other
 * screen roles belong to terminals, so nothing else falls back to the page. Without a build the server runs on and those paths answer 404.
 */
export async function registerScreens(app: FastifyInstance, dir: string = RENDERER_DIR): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
  // index.html names the hashed bundle of this build, so it is never cached.
  const page = (_req: unknown, reply: FastifyReply) => reply.sendFile('index.html', { maxAge: 0, immutable: false });
  app.get('/', (_req, reply) => reply.redirect('/supervisor'));
  app.get('/supervisor', page);
  app.get('/supervisor/*', page);
  app.get('/verify', page);
  return true;
}

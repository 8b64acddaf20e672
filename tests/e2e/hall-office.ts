import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openDatabase } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { SyncClient } from '../../core/sync/client.js';
import { loadServerConfig } from '../../server/config.js';
import { buildServerApp } from '../../server/http/app.js';
import { ensureHallConfig } from '../../server/halls/default.js';
import { createStaff } from '../../server/staff/repository.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { backends, type Backend, type TestDb } from '../../server/test-db.js';
import { loadConfig } from '../../terminal/config.js';
import { startTerminalService, type TerminalService } from '../../terminal/service.js';

export const CLERK_PASSWORD = 'correct horse battery';

/** A loopback port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A terminal service on its own SQLite file in `dataDir`, enrolled first with the central server at
 * `serverUrl` by its one-time code, as `npm run terminal:enroll` does, then started as `npm start` starts it.
 */
export async function startEnrolledTerminal(
  dataDir: string,
  serverUrl: string,
  code: string,
  role: 'kiosk' | 'counter' | 'hall',
  env: NodeJS.ProcessEnv = {},
  log: (line: string) => void = () => {},
): Promise<TerminalService> {
  mkdirSync(dataDir, { recursive: true });
  const tdb = openDatabase(join(dataDir, 'terminal.sqlite'));
  await new SyncClient(tdb).enroll(serverUrl, code);
  tdb.close();
  return startTerminalService(loadConfig({ DATA_DIR: dataDir, PORT: '0', ROLE: role, ...env }), log);
}

/** A JSON request to a terminal service or the central server, as a screen sends it: status and JSON back. */
export async function api(base: string, method: 'GET' | 'POST', path: string, body?: unknown, token?: string, lang?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(lang ? { 'accept-language': lang } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

/**
 * A hall on one machine, all real: the central server (embedded PostgreSQL) on a fixed port so it
 * can be stopped and started again, a kiosk terminal, and a counter terminal that also drives the
 * board; each terminal is its own service with its own SQLite file, enrolled with the server.
 */
/**
 * `kioskVia`: the address the kiosk reaches the server at (a proxy in front of it), given the server's.
 * `kioskRoles`: what else the kiosk's PC is enrolled for (a counter too: a second counter PC).
 */
export async function startHallOffice(
  opts: {
    kioskEnv?: NodeJS.ProcessEnv;
    counterEnv?: NodeJS.ProcessEnv;
    backend?: Backend;
    kioskVia?: (serverUrl: string) => Promise<string>;
    kioskRoles?: ('kiosk' | 'counter' | 'hall')[];
    /** Where the server logs (as in production) and each terminal's log lines go; nowhere by default. */
    serverLog?: NodeJS.WritableStream;
    terminalLog?: (terminal: string, line: string) => void;
  } = {},
) {
  const tmp = tempDir('hall-office-e2e-');
  const config = { ...loadServerConfig({}), host: '127.0.0.1', port: await freePort() };
  const server: TestDb = await (opts.backend ?? backends[0]!).open();
  await ensureHallConfig(server.db, new Date());
  for (const [login, name, number] of [['wang.fang', '王芳', '0101'], ['li.na', '李娜', '0102']] as const) {
    await createStaff(server.db, { login, name, number, role: 'clerk', hall: 'main' }, CLERK_PASSWORD, Date.now());
  }
  let app: FastifyInstance | null = null;
  const url = `http://127.0.0.1:${config.port}`;
  const startServer = async () => {
    app = await buildServerApp(server.db, config, { livePollMs: 200, ...(opts.serverLog ? { logger: true, logStream: opts.serverLog } : {}) });
    await app.listen({ host: '127.0.0.1', port: config.port });
  };
  await startServer();

  const terminal = async (name: string, roles: ('kiosk' | 'counter' | 'hall')[], env: NodeJS.ProcessEnv = {}, serverUrl = url): Promise<TerminalService> => {
    const { code } = await createTerminal(server.db, { name, hall: 'main', roles }, Date.now(), config.enrollCodeTtlMs);
    return startEnrolledTerminal(join(tmp.dir, name), serverUrl, code, roles[0]!, env, (line) => opts.terminalLog?.(name, line));
  };
  const extra: TerminalService[] = [];
  const kiosk = await terminal('kiosk', opts.kioskRoles ?? ['kiosk'], opts.kioskEnv, opts.kioskVia ? await opts.kioskVia(url) : url);
  const counter = await terminal('counter', ['counter', 'hall'], opts.counterEnv);

  return {
    url,
    config,
    /** Each terminal's data directory is here, under its name. */
    dir: tmp.dir,
    server,
    kiosk,
    counter,
    /** Another terminal of the hall (a second counter PC…), closed with the office. */
    async addTerminal(name: string, roles: ('kiosk' | 'counter' | 'hall')[], env: NodeJS.ProcessEnv = {}) {
      const t = await terminal(name, roles, env);
      extra.push(t);
      return t;
    },
    async stopServer() {
      await app?.close();
      app = null;
    },
    startServer,
    async close() {
      for (const t of extra) await t.stop();
      await kiosk.stop();
      await counter.stop();
      await app?.close();
      await server.close();
      tmp.cleanup();
    },
  };
}

import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { importCatalogText } from '../core/catalog/import.js';
import { openDatabase, type Db } from '../core/db/connection.js';
import { tempDir } from '../core/db/test-db.js';
import { SyncClient, type SyncClientOptions } from '../core/sync/client.js';
import { buildTerminalApp } from './app.js';
import { loadConfig, type TerminalConfig } from './config.js';
import { createRuntime, type RuntimeOptions, type TerminalRuntime } from './runtime.js';

export interface RunningService {
  url: string;
  db: Db;
  app: FastifyInstance;
  config: TerminalConfig;
  runtime: TerminalRuntime;
  stop(): Promise<void>;
}

/**
 * A real terminal service on an ephemeral port (loopback unless env.HOST says otherwise), with the seed catalog imported into a real
 * SQLite file. `client`: how its sync client reaches a central server (its fetch, its clock).
 */
export async function startTestService(env: NodeJS.ProcessEnv = {}, opts: RuntimeOptions = {}, client?: SyncClientOptions): Promise<RunningService> {
  const tmp = tempDir('hall-svc-');
  const config = loadConfig({ DATA_DIR: tmp.dir, PORT: '0', ...env });
  const db = openDatabase(tmp.file('terminal.sqlite'));
  importCatalogText(db, readFileSync(config.catalogFile, 'utf8'));
  const runtime = createRuntime(db, config, client ? { ...opts, client: new SyncClient(db, client) } : opts);
  const app = await buildTerminalApp(db, config, runtime, { log: opts.log });
  await app.listen({ host: config.host, port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    app,
    config,
    runtime,
    async stop() {
      await runtime.stop();
      await app.close();
      db.close();
      tmp.cleanup();
    },
  };
}

/** A request to the service in-process, as its screens make them: JSON in, status and JSON out. */
export function serviceCaller(svc: () => RunningService) {
  return async (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => {
    const res = await svc().app.inject({
      method,
      url,
      headers: { host: '127.0.0.1', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.statusCode, json: res.json() };
  };
}

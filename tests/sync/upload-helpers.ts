import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../../core/db/test-db.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { SyncClient } from '../../core/sync/client.js';
import { loadServerConfig } from '../../server/config.js';
import type { ServerDb } from '../../server/db/connection.js';
import { buildServerApp } from '../../server/http/app.js';
import { createTerminal } from '../../server/terminals/repository.js';
import type { Backend, TestDb } from '../../server/test-db.js';

export const serverConfig = loadServerConfig({});

export async function listen(db: ServerDb): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServerApp(db, serverConfig);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

/** A terminal database enrolled with the server at `enrollUrl`; later requests go to `serverUrl` (a proxy, say). */
export async function enrolledTerminal(server: ServerDb, file: string, enrollUrl: string, serverUrl = enrollUrl): Promise<{ db: Db; client: SyncClient; terminalId: string }> {
  const { terminal, code } = await createTerminal(server, { name: file, hall: 'main', roles: ['kiosk'] }, Date.now(), serverConfig.enrollCodeTtlMs);
  const db = openDatabase(file);
  const client = new SyncClient(db);
  await client.enroll(enrollUrl, code);
  db.prepare('UPDATE sync_identity SET server_url = ?').run(serverUrl);
  return { db, client, terminalId: terminal.id };
}

export async function serverEvents(server: ServerDb, terminalId: string): Promise<{ device_seq: number; event_id: string; payload: unknown }[]> {
  const rows = await server.selectFrom('events').select(['device_seq', 'event_id', 'payload']).where('terminal_id', '=', terminalId).orderBy('device_seq').execute();
  return rows.map((r) => ({ ...r, device_seq: Number(r.device_seq) }));
}

/** Waits for `done`, checking every 50 ms, for at most `ms`. */
export async function until(done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`not done within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A real central server on `backend` for one describe block, listening on loopback: opened before
 * its tests, closed after them together with every terminal database that `terminal()` enrolled.
 */
export function syncServer(backend: Backend, prefix: string) {
  const tmp = tempDir(prefix);
  const dbs: Db[] = [];
  let server: TestDb | undefined;
  let app: FastifyInstance | undefined;
  let url = '';
  beforeAll(async () => {
    server = await backend.open();
    ({ app, url } = await listen(server.db));
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    for (const db of dbs) db.close();
    tmp.cleanup();
  });
  return {
    tmp,
    get db(): ServerDb {
      return server!.db;
    },
    get url(): string {
      return url;
    },
    /** A terminal database `name`.sqlite enrolled with this server. */
    async terminal(name: string) {
      const t = await enrolledTerminal(server!.db, tmp.file(`${name}.sqlite`), url);
      dbs.push(t.db);
      return t;
    },
  };
}

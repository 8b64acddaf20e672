import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { importCatalogText } from '../core/catalog/import.js';
import { HallConfig } from '../core/contract/index.js';
import { catalogStats } from '../core/catalog/repository.js';
import { openDatabase, type Db } from '../core/db/connection.js';
import { SyncClient } from '../core/sync/client.js';
import { buildTerminalApp, VERSION } from './app.js';
import { listeningLines } from './lan-addresses.js';
import { createRuntime } from './runtime.js';
import { startPurgeTimer } from './retention.js';
import { startHeartbeat } from './sync/heartbeat.js';
import type { TerminalConfig } from './config.js';
import { startDownloadSync } from './sync/download-sync.js';
import { startUploadSync } from './sync/upload-sync.js';

export interface TerminalService {
  config: TerminalConfig;
  db: Db;
  app: FastifyInstance;
  /** The port actually listened on (differs from config.port when that is 0). */
  port: number;
  /** Base URL of the screens, e.g. http://127.0.0.1:4780 (a wildcard listen address is shown as 127.0.0.1). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Opens the terminal database, imports the seed catalog on first run and listens.
 * The one way the service starts: from plain Node (terminal/start.ts, terminal/launch.ts) and
 * inside the Electron main process alike.
 */
export async function startTerminalService(config: TerminalConfig, log: (line: string) => void = console.log): Promise<TerminalService> {
  const db = openDatabase(join(config.dataDir, 'terminal.sqlite'));
  try {
    if (catalogStats(db).procedures === 0) {
      // Checked against this terminal's hall as it knows it before its first sync (HALL_CONFIG_FILE).
      const hall = existsSync(config.hallConfigFile) ? [HallConfig.parse(JSON.parse(readFileSync(config.hallConfigFile, 'utf8')))] : [];
      const summary = importCatalogText(db, readFileSync(config.catalogFile, 'utf8'), new Date(), hall);
      log(`Imported the seed catalog: ${summary.procedures} procedures in ${summary.categories} categories.`);
    }
    const sync = new SyncClient(db);
    const runtime = createRuntime(db, config, { client: sync, log });
    const app = await buildTerminalApp(db, config, runtime, { log });
    await app.listen({ host: config.host, port: config.port });
    const bound = app.server.address() as AddressInfo;
    const port = bound.port;
    const url = `http://${urlHost(config.host)}:${port}`;
    for (const line of listeningLines(config.role, bound)) log(line);
    const stopPurge = startPurgeTimer(db, { now: () => runtime.queue.now(), timeZone: config.timeZone, keep: config.retention, log });
    const enrolled = sync.identity() !== null;
    // The outbox goes up on every local write, on a timer and whenever the live channel reconnects.
    const upload = enrolled ? startUploadSync(db, sync, { log, onRound: (r) => r.kind !== 'idle' && runtime.screens.send({ type: 'status' }) }) : null;
    const heartbeat = enrolled ? startHeartbeat(db, sync, VERSION, { log }) : null;
    // Reference data follows the central server (live push, and a timer as backstop); hall events feed the queue.
    const download = enrolled
      ? startDownloadSync(db, sync, {
          log,
          onHall: (event) => runtime.queue.onHallEvent(event),
          onLiveHeard: () => runtime.link.set(true),
          onLiveState: (s) => {
            runtime.link.set(s === 'open');
            if (s !== 'open') return;
            upload?.kick({ force: true });
            heartbeat?.beat();
            void runtime.queue.refresh().catch((err: unknown) => log(`Queue refresh failed: ${(err as Error).message}`));
          },
        })
      : null;
    let stopped = false;
    return {
      config,
      db,
      app,
      port,
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        stopPurge();
        download?.stop();
        heartbeat?.stop();
        upload?.stop();
        await upload?.settled();
        await runtime.stop();
        await app.close();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

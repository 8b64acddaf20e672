import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from '../core/db/connection.js';
import { tempDir } from '../core/db/test-db.js';
import { buildTerminalApp } from './app.js';
import { loadConfig } from './config.js';
import { createRuntime, type TerminalRuntime } from './runtime.js';

/** A terminal service on one SQLite file, on the given clock, that a test can stop and start again on the same file. */
export function restartableTerminal(prefix: string, now: () => number) {
  const tmp = tempDir(prefix);
  const config = loadConfig({ DATA_DIR: tmp.dir, PORT: '0' });
  const t = { config, db: undefined as unknown as Db, runtime: undefined as unknown as TerminalRuntime, app: undefined as unknown as FastifyInstance };
  const start = async () => {
    t.db = openDatabase(tmp.file('terminal.sqlite'));
    t.runtime = createRuntime(t.db, config, { now: () => new Date(now()), startPrinter: false });
    t.app = await buildTerminalApp(t.db, config, t.runtime, {});
  };
  const stop = async () => {
    await t.runtime.stop();
    await t.app.close();
    t.db.close();
  };
  return Object.assign(t, {
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    cleanup: async () => {
      await stop();
      tmp.cleanup();
    },
  });
}

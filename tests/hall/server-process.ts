import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../terminal/config.js';
import { waitForServer } from '../../terminal/office.js';

// Resolved here, so `--import tsx` is found whatever the working directory.
const TSX = import.meta.resolve('tsx');

export interface ServerProcess {
  url: string;
  /** Starts `npm run server:start` as its own process and waits until it answers. */
  start(): Promise<void>;
  /** SIGKILL, as a power cut or the OOM killer would: no shutdown of any kind. */
  kill(): Promise<void>;
  /** What the server wrote to stdout and stderr, every run so far. */
  log(): string;
}

/**
 * The central server as a real child process on `port`, its database in `env` (DATA_DIR for the
 * embedded one, DATABASE_URL for PostgreSQL; see server/test-db.ts openShared). It can be killed
 * and started again on the same data.
 */
export function serverProcess(env: Record<string, string>, port: number): ServerProcess {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let out = '';
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  return {
    url,
    async start() {
      const c = spawn(process.execPath, ['--import', TSX, join(ROOT, 'server/start.ts')], {
        cwd: ROOT,
        env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      try {
        await waitForServer(url, c);
      } catch (err) {
        await kill();
        throw new Error(`${(err as Error).message}\n${out}`, { cause: err });
      }
    },
    kill,
    log: () => out,
  };
}

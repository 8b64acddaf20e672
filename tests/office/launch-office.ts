import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../terminal/config.js';

export interface LaunchedOffice {
  child: ChildProcess;
  /** Everything it has printed so far. */
  out: () => string;
}

/** `npm start`'s office (terminal/launch.ts) as a real process on `dataDir`, once it says the kiosk screen can be opened. */
export async function launchOffice(dataDir: string, port: number, serverPort: number, children: ChildProcess[]): Promise<LaunchedOffice> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), SERVER_PORT: String(serverPort) };
  delete env.SERVER_URL;
  delete env.DATABASE_URL;
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'terminal/launch.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  await expect.poll(() => (child.exitCode !== null ? `exited: ${text}` : /Open the kiosk screen/.test(text) ? 'ready' : 'starting'), { timeout: 200_000, interval: 500 }).toBe('ready');
  return { child, out: () => text };
}

/** SIGTERM, and its exit code. */
export function stopOffice(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

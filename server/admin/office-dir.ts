import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` keeps a whole office in one DATA_DIR: the terminal's terminal.sqlite, and the central
 * server's data in its server/ folder. Given that DATA_DIR, the admin commands mean the office's server,
 * so they use DATA_DIR/server (and say so); any other DATA_DIR is the server's own.
 */
export function adminDataDir(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; note: string | null } {
  const dir = env.DATA_DIR;
  if (!dir || env.DATABASE_URL) return { env, note: null };
  const server = join(dir, 'server');
  const isOffice = existsSync(join(dir, 'terminal.sqlite')) && existsSync(server) && statSync(server).isDirectory();
  if (!isOffice) return { env, note: null };
  return { env: { ...env, DATA_DIR: server }, note: `DATA_DIR ${dir} is an office started with npm start: using its central server's data in ${server}.` };
}

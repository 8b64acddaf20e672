import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ADMIN_CLI = new URL('./cli.ts', import.meta.url).pathname;
export const ANNOUNCE_CLI = new URL('./announce-cli.ts', import.meta.url).pathname;
// Resolved here, so a command may run in another directory, where `--import tsx` would not be found.
const TSX = import.meta.resolve('tsx');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an admin command as its own process, as an administrator would; never throws on a failing exit. */
export async function runCli(script: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; input?: string }): Promise<CliResult> {
  const p = run(process.execPath, ['--import', TSX, script, ...args], { env: opts.env, cwd: opts.cwd, timeout: 60_000 });
  if (opts.input !== undefined) p.child.stdin!.end(opts.input);
  try {
    const { stdout, stderr } = await p;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

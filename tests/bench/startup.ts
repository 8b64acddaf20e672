import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../../core/db/test-db.js';
import { pinnedFetch } from '../../core/sync/pinned-tls.js';
import { ROOT } from '../../terminal/config.js';
import { ensureScreensBuilt } from '../../terminal/screens-build.js';
import { freePort } from '../e2e/hall-office.js';
import { ms, summarize, table, type Benchmark } from './harness.js';

const RUNS = Number(process.env.BENCH_STARTS ?? 5);

/** Starts `cmd` in its own process group and resolves with the ms until `ready()` holds, then ends the group. */
async function timeUntil(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: () => Promise<boolean>): Promise<number> {
  const start = process.hrtime.bigint();
  const child: ChildProcess = spawn(cmd, args, { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited with ${child.exitCode} before it was ready`);
      if (await ready().catch(() => false)) return Number(process.hrtime.bigint() - start) / 1e6;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // Give the group's last process (the server child) time to let go of its port and database.
    await new Promise((r) => setTimeout(r, 500));
  }
}

const answers = async (url: string) => (await (url.startsWith('https:') ? pinnedFetch(null) : fetch)(url)).ok;

export const startupBenchmark: Benchmark = {
  name: 'startup',
  description: `${RUNS} starts of \`npm start\` on an already built, already enrolled office (temp DATA_DIR) until the terminal's /api/health answers; baseline: \`node -e ''\``,
  async run() {
    ensureScreensBuilt(ROOT, console.log);
    const tmp = tempDir('hall-bench-startup-');
    try {
      const [port, serverPort] = [await freePort(), await freePort()];
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: tmp.dir, PORT: String(port), SERVER_PORT: String(serverPort) };
      delete env.SERVER_URL;
      delete env.DATABASE_URL;
      const health = () => answers(`http://127.0.0.1:${port}/api/health`);
      // The first start registers and enrolls the terminal; it is not measured.
      const first = await timeUntil(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'terminal/launch.ts')], env, health);
      console.log(`first start (enrollment, not measured): ${ms(first)} ms`);

      const node: number[] = [];
      const npmStart: number[] = [];
      const serverAlone: number[] = [];
      const serverEnv = { ...env, DATA_DIR: join(tmp.dir, 'server'), HOST: '127.0.0.1', PORT: String(serverPort), TLS_SELF_SIGNED: 'true' };
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        spawnSync(process.execPath, ['-e', '']);
        node.push(Number(process.hrtime.bigint() - t) / 1e6);
        npmStart.push(await timeUntil('npm', ['start'], env, health));
        serverAlone.push(await timeUntil(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'server/start.ts')], serverEnv, () => answers(`https://127.0.0.1:${serverPort}/api/openapi.json`)));
      }
      const [b, s, srv] = [summarize(node), summarize(npmStart), summarize(serverAlone)];
      console.log(
        table(
          ['from spawn until', 'p50 ms', 'p95 ms', 'p50 × node -e'],
          [
            ["node -e '' exits (baseline)", ms(b.p50), ms(b.p95), '1.0'],
            ['npm start: terminal /api/health answers', ms(s.p50), ms(s.p95), (s.p50 / b.p50).toFixed(1)],
            ['office server alone answers', ms(srv.p50), ms(srv.p95), (srv.p50 / b.p50).toFixed(1)],
          ],
        ),
      );
    } finally {
      tmp.cleanup();
    }
  },
};

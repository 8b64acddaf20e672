import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../../core/db/test-db.js';
import { ROOT } from '../../terminal/config.js';
import { LoopbackPrinter } from '../devices/loopback-printer.js';
import { freePort } from '../e2e/hall-office.js';
import type { Benchmark } from './harness.js';

const N = Number(process.env.BENCH_TICKETS ?? 10_000);
const WARMUP = Math.min(1_000, N);
const MB = 1024 * 1024;
const mb = (x: number) => (x / MB).toFixed(1);

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  gc: boolean;
}

export const soakBenchmark: Benchmark = {
  name: 'soak',
  description: `${N} kiosk tickets over the terminal service's HTTP API of an office (npm start, enrolled with its own central server), each slip printed on a loopback TCP printer; the service's memory (after a GC) after the first ${WARMUP} and at the end. Target: at most 20 MB of RSS growth after the first ${WARMUP}`,
  async run() {
    const tmp = tempDir('hall-bench-soak-');
    const printer = await LoopbackPrinter.start();
    const [port, serverPort] = [await freePort(), await freePort()];
    // A whole office as `npm start` runs it: the terminal enrolled with its own central server, so
    // every ticket is numbered there, uploaded and pushed back over the live channel.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: tmp.dir, PORT: String(port), SERVER_PORT: String(serverPort), PRINTER: printer.uri };
    delete env.SERVER_URL;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), '--import', './tests/bench/memory-probe.ts', join(ROOT, 'terminal/launch.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const waiting: ((m: Memory) => void)[] = [];
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith('MEMORY ')) waiting.shift()?.(JSON.parse(line.slice(7)) as Memory);
      }
    });
    const memory = () => new Promise<Memory>((r) => (waiting.push(r), child.kill('SIGUSR2')));
    const base = `http://127.0.0.1:${port}`;
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error('the terminal service exited');
        const status = await fetch(`${base}/api/status`).then((r) => (r.ok ? (r.json() as Promise<{ online: boolean }>) : null), () => null);
        if (status?.online) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const atStart = await memory();
      const samples: { after: number; m: Memory }[] = [];
      let offline = 0;
      for (let i = 1; i <= N; i++) {
        const res = await fetch(`${base}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'A' }) });
        const body = (await res.json()) as { ticket?: { number: string; offline: boolean } };
        if (!res.ok || !body.ticket) throw new Error(`ticket ${i} was refused: ${JSON.stringify(body)}`);
        if (body.ticket.offline) offline++;
        if (i === WARMUP || i % 2_000 === 0 || i === N) {
          samples.push({ after: i, m: await memory() });
          console.log(`after ${String(i).padStart(6)} tickets: RSS ${mb(samples.at(-1)!.m.rss)} MB`);
        }
      }
      // Let the printer catch up, so nothing is counted that is only waiting in its queue.
      while (printer.connections.length < N) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 2_000));
      samples.push({ after: N, m: await memory() });
      console.log(`GC exposed: ${atStart.gc}; slips printed: ${printer.connections.length}; numbered offline: ${offline}`);
      console.log(`at start: RSS ${mb(atStart.rss)} MB, heap ${mb(atStart.heapUsed)} MB`);
      for (const s of samples) console.log(`  after ${String(s.after).padStart(6)} tickets: RSS ${mb(s.m.rss)} MB, heap ${mb(s.m.heapUsed)} MB, external ${mb(s.m.external)} MB`);
      const warm = samples[0]!.m;
      const end = samples.at(-1)!.m;
      console.log(`growth after the first ${WARMUP}: RSS ${mb(end.rss - warm.rss)} MB, heap ${mb(end.heapUsed - warm.heapUsed)} MB (target: RSS at most 20 MB)`);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await printer.stop();
      tmp.cleanup();
    }
  },
};

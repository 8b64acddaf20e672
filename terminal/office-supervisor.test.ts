import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { superviseServer } from './office-supervisor.js';

// Real processes that die the way a broken server does: a line on stderr, then a non-zero exit.
const dying = (script: string) => () => spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });

function watch() {
  const serverLog = new PassThrough();
  let written = '';
  serverLog.on('data', (d: Buffer) => (written += d.toString()));
  const lines: string[] = [];
  return { serverLog, lines, log: (l: string) => lines.push(l), written: () => written };
}

describe('the office server supervisor', () => {
  it('says why the server died, in the terminal log and server.log, and starts it again with a growing wait', async () => {
    const w = watch();
    const s = superviseServer({
      start: dying('console.log("listening"); console.error("Error: database is locked by another process"); process.exit(3)'),
      log: w.log,
      serverLog: w.serverLog,
      backoff: { baseMs: 20, maxMs: 80 },
    });
    await expect.poll(() => s.restarts, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await s.stop();
    expect(w.lines[0]).toMatch(/Central server process \d+ died \(exit code 3\) after [\d.]+ s; starting it again in 0\.02 s\./);
    expect(w.lines[0]).toContain('Error: database is locked by another process');
    // Doubling, then held at the ceiling.
    expect(w.lines.slice(0, 4).map((l) => /again in ([\d.]+) s/.exec(l)?.[1])).toEqual(['0.02', '0.04', '0.08', '0.08']);
    expect(w.written()).toContain('listening');
    expect(w.written()).toMatch(/\[office\] .* Central server process \d+ died \(exit code 3\)/);
  });

  it('waits the shortest time again after a server that had run a while', async () => {
    const w = watch();
    // How long each run lasts on the supervisor's clock: the third ran past the healthy mark.
    const runs = [600, 600, 1_200, 600];
    let t = 0;
    const start = dying('process.exit(1)');
    const s = superviseServer({ start: () => ((t += runs.shift() ?? 600), start()), log: w.log, serverLog: w.serverLog, backoff: { baseMs: 20, maxMs: 80 }, healthyAfterMs: 1_000, now: () => t });
    await expect.poll(() => w.lines.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await s.stop();
    expect(w.lines.slice(0, 4).map((l) => /again in ([\d.]+) s/.exec(l)?.[1])).toEqual(['0.02', '0.04', '0.02', '0.04']);
  });

  it('stops restarting once the office stops, ending the running server', async () => {
    const w = watch();
    const s = superviseServer({ start: dying('setInterval(() => {}, 1000)'), log: w.log, serverLog: w.serverLog });
    const child = s.child!;
    await s.stop();
    expect(child.signalCode).toBe('SIGTERM');
    expect(s.child).toBeNull();
    expect(w.lines).toEqual([]);
    expect(s.restarts).toBe(0);
  });

  it('names the signal that killed the server', async () => {
    const w = watch();
    const s = superviseServer({ start: dying('setInterval(() => {}, 1000)'), log: w.log, serverLog: w.serverLog, backoff: { baseMs: 60_000, maxMs: 60_000 } });
    s.child!.kill('SIGKILL');
    await expect.poll(() => w.lines.length, { timeout: 10_000 }).toBe(1);
    expect(w.lines[0]).toMatch(/died \(killed by signal SIGKILL\).* It wrote nothing to stderr\./);
    await s.stop();
    expect(s.restarts).toBe(0);
  });
});

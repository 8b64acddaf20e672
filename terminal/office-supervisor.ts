// Looks after the office's central server process (`npm start` without SERVER_URL): when it dies,
// says why (exit code or signal, and the last lines it wrote to stderr) in the terminal's log and
// in server.log, and starts it again after a growing wait, until the office is stopped.
import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { backoffDelay, type BackoffOptions } from './sync/backoff.js';

/** 1 s, 2 s, 4 s … at most 30 s between a death and the next start. */
export const SERVER_RESTART_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 };
/** A server that ran this long before dying was healthy: the next restart waits 1 s again. */
export const HEALTHY_RUN_MS = 60_000;
const STDERR_TAIL_LINES = 20;

export interface SupervisorOptions {
  /** Starts one server process, with stdout and stderr piped. */
  start(): ChildProcess;
  /** The terminal's own log (its console). */
  log(line: string): void;
  /** server.log: the server's output goes here, and so does what the supervisor says about it. */
  serverLog: Writable;
  backoff?: BackoffOptions;
  healthyAfterMs?: number;
  now?: () => number;
}

export interface SupervisedServer {
  /** The process running now; null while waiting to restart a dead one. */
  readonly child: ChildProcess | null;
  /** How many times the server has been started again after dying. */
  readonly restarts: number;
  /** Stops restarting, then ends the running process and waits for it. */
  stop(): Promise<void>;
}

/** Keeps the last `max` lines of a stream, for saying why a process died. */
function tail(max: number): { push(chunk: Buffer): void; text(): string } {
  const lines: string[] = [];
  let partial = '';
  return {
    push(chunk) {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.trim() !== ''));
      if (lines.length > max) lines.splice(0, lines.length - max);
    },
    text: () => [...lines, ...(partial.trim() ? [partial] : [])].slice(-max).join('\n'),
  };
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by signal ${signal}` : `exit code ${code}`;
}

export function superviseServer(opts: SupervisorOptions): SupervisedServer {
  const now = opts.now ?? Date.now;
  const backoff = opts.backoff ?? SERVER_RESTART_BACKOFF;
  const healthyAfterMs = opts.healthyAfterMs ?? HEALTHY_RUN_MS;
  let child: ChildProcess | null = null;
  let stopping = false;
  let attempt = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;
  const note = (line: string, toConsole: boolean) => {
    opts.serverLog.write(`[office] ${new Date(now()).toISOString()} ${line}\n`);
    if (toConsole) opts.log(line);
  };

  const launch = () => {
    timer = null;
    const startedAt = now();
    const c = opts.start();
    const stderr = tail(STDERR_TAIL_LINES);
    c.stdout?.pipe(opts.serverLog, { end: false });
    c.stderr?.on('data', (d: Buffer) => {
      stderr.push(d);
      opts.serverLog.write(d);
    });
    child = c;
    note(`Central server process ${c.pid} started.`, false);
    c.once('exit', (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      const ranMs = now() - startedAt;
      if (ranMs >= healthyAfterMs) attempt = 0;
      const wait = backoffDelay(attempt++, backoff, () => 0);
      const why = stderr.text();
      note(
        `Central server process ${c.pid} died (${describeExit(code, signal)}) after ${(ranMs / 1000).toFixed(1)} s; starting it again in ${wait / 1000} s.` +
          (why ? `\nLast lines of its stderr:\n${why}` : ' It wrote nothing to stderr.'),
        true,
      );
      timer = setTimeout(() => {
        restarts++;
        launch();
      }, wait);
    });
  };
  launch();

  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    },
  };
}

// Real pseudo-terminal pairs for device tests: `socat` links two PTYs, so what is written to one
// end arrives at the other exactly as over a USB-CDC serial cable.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Whether socat is installed. In CI it must be: tests then run and fail instead of skipping. */
export const HAVE_SOCAT = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
export const RUN_PTY_TESTS = HAVE_SOCAT || Boolean(process.env.CI);

export interface PtyPair {
  /** The end the code under test opens (the "device"). */
  readonly a: string;
  /** The end the test writes to or reads from (the "scanner" or "printer" side). */
  readonly b: string;
  /** Writes bytes to end B, opening it on first use. */
  write(data: string | Uint8Array): void;
  /** Pulls the cable: socat exits and both links disappear. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `socat -d -d pty,raw,echo=0,link=<dir>/<name>A pty,raw,echo=0,link=<dir>/<name>B` and
 * resolves once it is passing data. Starting it again with the same dir and name is "plugging
 * the device back in": the links point at new PTYs.
 */
export async function openPtyPair(dir: string, name = 'tty'): Promise<PtyPair> {
  if (!HAVE_SOCAT) throw new Error('socat is not installed; device tests need it (apt-get install socat)');
  const a = join(dir, `${name}A`);
  const b = join(dir, `${name}B`);
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('starting data transfer loop')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`socat exited with ${code}: ${log}`)));
  });
  let fd: number | undefined;
  return {
    a,
    b,
    write(data) {
      fd ??= openSync(b, 'r+');
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    },
    async stop() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      await stopChild(child);
      if (existsSync(a) || existsSync(b)) throw new Error('socat left its links behind');
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Waits until `check` holds, polling; rejects with `what` after `ms`. Never asserts on time itself. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

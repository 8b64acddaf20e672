import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function hasSocat(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

export interface PtyPair {
  /** The end the printer under test opens (serial:<a>). */
  a: string;
  /** The end the fake printer reads from and answers on. */
  b: string;
  close(): Promise<void>;
}

/** Two linked pseudo-terminals from socat, as a USB-serial cable with a printer on the other end. */
export async function openPtyPair(): Promise<PtyPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pty-'));
  const a = path.join(dir, 'A');
  const b = path.join(dir, 'B');
  const socat: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socat did not start: ${log}`)), 10_000);
    socat.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('starting data transfer loop')) {
        clearTimeout(timer);
        resolve();
      }
    });
    socat.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socat.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited with ${code}: ${log}`));
    });
  });
  return {
    a,
    b,
    close: async () => {
      if (socat.exitCode === null) {
        const exited = new Promise((resolve) => socat.once('exit', resolve));
        socat.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

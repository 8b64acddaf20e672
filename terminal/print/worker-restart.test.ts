import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { enqueue, getJob } from '../../core/print/jobs.js';
import { ticketSlip } from '../../core/print/test-slips.js';
import { FakePrinter } from './fake-printer.js';
import { ManualClock } from './manual-clock.js';
import { PrintWorker } from './worker.js';

const tmp = tempDir('hall-print-restart-');
afterEach(() => tmp.cleanup());

/** Runs crash-child.ts on the database until it reports the job it is printing, then kills it with SIGKILL. */
async function killWhilePrinting(file: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./crash-child.ts', import.meta.url).pathname, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
  const printing = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /printing (\S+)\n/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`the child exited before printing: ${out}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return printing;
}

describe('print jobs across a crash', () => {
  it('a terminal killed with SIGKILL mid-slip prints that slip, then the rest, after it restarts', { timeout: 30_000 }, async () => {
    const file = tmp.file('crash.sqlite');
    let db = openDatabase(file);
    const a = enqueue(db, ticketSlip('A001'));
    const b = enqueue(db, ticketSlip('A002'));
    db.close();

    expect(await killWhilePrinting(file)).toBe(a.id);

    db = openDatabase(file);
    expect(getJob(db, a.id)).toMatchObject({ state: 'printing', attempts: 1 });
    expect(getJob(db, b.id)!.state).toBe('queued');

    const printer = new FakePrinter();
    const clock = new ManualClock();
    const worker = new PrintWorker(db, printer, { timeZone: 'Asia/Shanghai', clock, probeIntervalMs: 0 });
    worker.start();
    await clock.advance(0);
    await worker.idle();
    expect(printer.texts.map((t) => t.match(/A00\d/)?.[0])).toEqual(['A001', 'A002']);
    expect(getJob(db, a.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(getJob(db, b.id)!.state).toBe('done');
    expect(worker.status().pending).toBe(0);
    await worker.stop();
    db.close();
  });
});

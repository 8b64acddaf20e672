import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/connection.js';
import { backends } from '../../server/test-db.js';
import { enrolledTerminal, serverEvents, syncServer, until } from './upload-helpers.js';

const CHILD = new URL('./upload-child.ts', import.meta.url).pathname;

function child(file: string, mode: 'write' | 'drain'): { proc: ChildProcess; out: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, out: () => out, exited };
}

describe.each(backends)('a terminal killed in the middle of a sync loses nothing on $name', (backend) => {
  const fx = syncServer(backend, 'hall-sigkill-');

  it('after SIGKILL and a restart the server holds every committed event exactly once', { timeout: 90_000 }, async () => {
    const file = fx.tmp.file('killed.sqlite');
    const { db, terminalId } = await enrolledTerminal(fx.db, file, fx.url);
    db.close();

    const first = child(file, 'write');
    // Kill while events are both on the server and still waiting on the terminal.
    await until(async () => (await serverEvents(fx.db, terminalId)).length >= 300, 60_000);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const reported = Math.max(...[...first.out().matchAll(/committed (\d+)/g)].map((m) => Number(m[1])));

    const check = openDatabase(file);
    const pendingAtKill = (check.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;
    check.close();
    expect(pendingAtKill).toBeGreaterThan(0);

    const second = child(file, 'drain');
    expect(await second.exited).toBe(0);
    expect(second.out()).toContain('drained');

    const after = openDatabase(file);
    const local = after.prepare('SELECT device_seq, event_id FROM outbox ORDER BY device_seq').all() as { device_seq: number; event_id: string }[];
    after.close();
    // Every commit the process reported survived the kill, and the server holds each event once.
    expect(local.length).toBeGreaterThanOrEqual(reported);
    const remote = await serverEvents(fx.db, terminalId);
    expect(remote.map((r) => r.device_seq)).toEqual(local.map((l) => l.device_seq));
    expect(remote.map((r) => r.event_id)).toEqual(local.map((l) => l.event_id));
    expect(local.map((l) => l.device_seq)).toEqual(Array.from({ length: local.length }, (_, i) => i + 1));
  });
});

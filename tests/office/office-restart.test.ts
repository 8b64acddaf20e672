import { type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/db/test-db.js';
import { launchOffice, stopOffice } from './launch-office.js';
import { freePort } from '../e2e/hall-office.js';

// `npm start`'s office looked after: its central server killed under it comes back by itself, and
// a restart of the office on another SERVER_PORT takes the terminal along. Real processes throughout.

const tmp = tempDir('hall-office-restart-');
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  for (const pid of serverPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  tmp.cleanup();
});

const serverLog = () => {
  try {
    return readFileSync(join(tmp.dir, 'server.log'), 'utf8');
  } catch {
    return '';
  }
};
const serverPids = () => [...serverLog().matchAll(/Central server process (\d+) started/g)].map((m) => Number(m[1]));

const launch = (port: number, serverPort: number) => launchOffice(tmp.dir, port, serverPort, children);
const stop = stopOffice;

const status = async (base: string) => (await fetch(`${base}/api/status`)).json() as Promise<{ online: boolean; terminal: { id: string } }>;
const takeTicket = async (base: string) =>
  ((await (await fetch(`${base}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'A' }) })).json()) as { ticket: { number: string; offline: boolean } }).ticket;

describe("npm start looks after the office's central server", () => {
  it('restarts a killed server, saying why it died, and follows it to a new port on the next start', async () => {
    const [port, serverPort, newServerPort] = [await freePort(), await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const first = await launch(port, serverPort);
    await expect.poll(async () => (await status(base)).online, { timeout: 30_000 }).toBe(true);
    const enrolledAs = (await status(base)).terminal.id;

    const [pid] = serverPids();
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => first.out(), { timeout: 10_000 }).toMatch(new RegExp(`Central server process ${pid} died \\(killed by signal SIGKILL\\).*starting it again in 1 s`));
    expect(serverLog()).toMatch(new RegExp(`\\[office\\] .* Central server process ${pid} died \\(killed by signal SIGKILL\\)`));
    // A new server process, and the terminal back online with it: the live channel reconnects within its 30 s backoff.
    await expect.poll(() => serverPids().length, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await status(base)).online, { timeout: 60_000, interval: 1_000 }).toBe(true);
    expect(await takeTicket(base)).toMatchObject({ number: 'A001', offline: false });
    expect(await stop(first.child)).toBe(0);
    // Stopping the office is not a death: no restart follows it.
    expect(serverPids()).toHaveLength(2);

    const moved = await launch(port, newServerPort);
    expect(moved.out()).toContain(`The office's central server moved from https://127.0.0.1:${serverPort} to https://127.0.0.1:${newServerPort} (SERVER_PORT changed); this terminal follows it.`);
    await expect.poll(async () => (await status(base)).online, { timeout: 30_000 }).toBe(true);
    expect((await status(base)).terminal.id).toBe(enrolledAs);
    // Numbered by the same central server as before the move.
    expect(await takeTicket(base)).toMatchObject({ number: 'A002', offline: false });
    expect(await stop(moved.child)).toBe(0);
  }, 480_000);
});

import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Db } from '../../core/db/connection.js';
import { getMeta } from '../../core/db/meta.js';
import { tempDir } from '../../core/db/test-db.js';
import { certificateFingerprint, pinnedFetch, SERVER_CERT_PIN_KEY } from '../../core/sync/pinned-tls.js';
import { ROOT } from '../../terminal/config.js';
import { freePort } from '../e2e/hall-office.js';
import { launchOffice, stopOffice } from './launch-office.js';

// `npm start` on a fresh machine: the central server on its embedded database and one enrolled
// terminal, on one computer. Run as a real child process, twice: first start, then a restart.

const tmp = tempDir('hall-office-');
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  tmp.cleanup();
});

const launch = (port: number, serverPort: number) => launchOffice(tmp.dir, port, serverPort, children);
const stop = stopOffice;

const get = async (url: string) => (await fetch(url)).json();

describe('npm start: a whole office on one computer', () => {
  it('starts the central server, enrolls this terminal, prints the screens, and numbers tickets centrally', async () => {
    const [port, serverPort] = [await freePort(), await freePort()];
    const first = await launch(port, serverPort);
    const base = `http://127.0.0.1:${port}`;
    expect(first.out()).toContain(`${base}/kiosk`);
    expect(first.out()).toMatch(/Clerk account made for this office: wang\.fang \/ \S{10,}/);
    // The office's server speaks HTTPS with the pair it made in its data folder, and the terminal pinned that pair.
    expect(first.out()).toContain(`at https://127.0.0.1:${serverPort}`);
    const pinned = new Database(join(tmp.dir, 'terminal.sqlite'), { readonly: true }) as unknown as Db;
    expect(getMeta(pinned, SERVER_CERT_PIN_KEY)).toBe(certificateFingerprint(readFileSync(join(tmp.dir, 'server/tls/server.crt'))));
    pinned.close();
    // Issue 12: an office account for the supervision pages, every screen's URL, clerks with display names.
    for (const s of ['counter', 'rating', 'hall', 'status']) expect(first.out()).toContain(`${base}/${s}`);
    expect(first.out()).toContain(`Supervision pages (central server): https://127.0.0.1:${serverPort}/supervisor`);
    const officePassword = /Office \(supervision\) account made for this office: office \/ (\S{10,})/.exec(first.out())?.[1];
    const signIn = await pinnedFetch(null)(`https://127.0.0.1:${serverPort}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'office', password: officePassword }) });
    expect(await signIn.json()).toMatchObject({ staff: { login: 'office', role: 'office' } });
    // server:admin finds the office's server under DATA_DIR/server by itself, while it runs.
    const list = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/admin/cli.ts'), 'staff', 'list', '--json'], { cwd: ROOT, env: { ...process.env, DATA_DIR: tmp.dir, DATABASE_URL: '' }, encoding: 'utf8' });
    expect(JSON.parse(list.stdout)).toContainEqual(expect.objectContaining({ login: 'wang.fang', name: '王芳', latinName: 'Wang Fang', role: 'clerk' }));
    const status = await get(`${base}/api/status`);
    expect(status).toMatchObject({ enrolled: true, online: true, terminal: { hall: 'main', ticketPrefix: expect.stringMatching(/^T\d+$/) } });
    const ticket = await (await fetch(`${base}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'A' }) })).json();
    expect(ticket.ticket).toMatchObject({ number: 'A001', offline: false });
    expect(await stop(first.child)).toBe(0);
    // Its server was given the catalog the terminal shows (so it refuses bookings for unknown procedures).
    const imports = () => readFileSync(join(tmp.dir, 'server.log'), 'utf8').split('Catalog imported from').length - 1;
    expect(imports()).toBe(1);
    // The server child went with it: its port is free again (any certificate would do for this probe).
    await expect(pinnedFetch(null)(`https://127.0.0.1:${serverPort}/api/openapi.json`)).rejects.toThrow();

    const again = await launch(port, serverPort);
    expect(again.out()).not.toContain('Clerk account made');
    expect(again.out()).not.toContain('Office (supervision) account made');
    expect(await get(`${base}/api/status`)).toMatchObject({ enrolled: true, terminal: { id: status.terminal.id } });
    // A later start does not wait for its server: the terminal answers at once and goes online when the server does.
    await expect.poll(async () => (await get(`${base}/api/status`)).online, { timeout: 90_000, interval: 250 }).toBe(true);
    const next = await (await fetch(`${base}/api/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'A' }) })).json();
    expect(next.ticket.number).toBe('A002');
    expect(await stop(again.child)).toBe(0);
    // The catalog file did not change: the restart did not import it again.
    expect(imports()).toBe(1);
  }, 480_000);
});

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { SyncClient, SyncRequestError } from '../../core/sync/client.js';
import { certificateFingerprint, pinnedFetch } from '../../core/sync/pinned-tls.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { loadServerConfig } from '../../server/config.js';
import { ensureHallConfig } from '../../server/halls/default.js';
import { buildServerApp } from '../../server/http/app.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { backends, type TestDb } from '../../server/test-db.js';
import { generateSelfSigned, loadTls, type TlsPair } from '../../server/tls/certificate.js';
import { ROOT } from '../../terminal/config.js';
import type { TerminalService } from '../../terminal/service.js';
import { LiveClient } from '../../terminal/sync/live-client.js';
import { api, startEnrolledTerminal } from '../e2e/hall-office.js';

const run = promisify(execFile);

/** How the live channel's first connect ends: open, or the reason it is waiting to try again. */
function liveOutcome(client: SyncClient): Promise<string> {
  return new Promise((resolve) => {
    const lc = new LiveClient(client, {
      onMessage: () => {},
      onState: (s, why) => {
        if (s !== 'open' && s !== 'waiting') return;
        resolve(s === 'open' ? s : (why ?? ''));
        lc.stop();
      },
    });
    lc.start();
  });
}

/** `read()` once `done` holds of it, or its last value after 10 s (the assertion then says what it was). */
async function settle<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !done(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

/** Issue 11, section 5: terminals talk HTTPS to the central server and pin its certificate when they enroll. */
describe.each(backends)('TLS between terminals and the central server on $name', (backend) => {
  const tmp = tempDir('hall-tls-');
  const config = loadServerConfig({});
  let t: TestDb;
  let pairA: TlsPair;
  let pairB: TlsPair;
  let app: FastifyInstance;
  let url: string;
  let port: number;
  /** Requests the server got, by path: a refused certificate must reach none. */
  let heard: string[] = [];

  const listen = async (pair: TlsPair, at = 0) => {
    app = await buildServerApp(t.db, config, { https: pair });
    app.addHook('onRequest', async (req) => void heard.push(req.url));
    url = await app.listen({ host: '127.0.0.1', port: at });
    port = Number(new URL(url).port);
  };
  const code = async (roles: ('kiosk' | 'counter')[] = ['kiosk']) => (await createTerminal(t.db, { name: `T-${ulid()}`, hall: 'main', roles }, Date.now(), config.enrollCodeTtlMs)).code;

  beforeAll(async () => {
    t = await backend.open();
    await ensureHallConfig(t.db, new Date());
    // Two pairs made as the embedded office makes its own: the same host names, different keys.
    pairA = loadTls({ certFile: tmp.file('a/server.crt'), keyFile: tmp.file('a/server.key'), selfSigned: true })!;
    generateSelfSigned(tmp.file('b/server.crt'), tmp.file('b/server.key'));
    pairB = loadTls({ certFile: tmp.file('b/server.crt'), keyFile: tmp.file('b/server.key'), selfSigned: false })!;
    await t.db
      .insertInto('staff')
      .values({ id: ulid(), login: 'zhou.min', name: '周敏', number: 'S-900', role: 'supervisor', password_hash: await hashPassword('supervisor-pass-1'), created_at: new Date() })
      .execute();
    await listen(pairA);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    tmp.cleanup();
  });

  it('the pair made on first run is a real certificate, kept in the data folder and reused', () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(pairA.fingerprint).toBe(certificateFingerprint(readFileSync(tmp.file('a/server.crt'))));
    expect(pairA.fingerprint).not.toBe(pairB.fingerprint);
    expect(loadTls({ certFile: tmp.file('a/server.crt'), keyFile: tmp.file('a/server.key'), selfSigned: true })!.fingerprint).toBe(pairA.fingerprint);
  });

  it('a supervisor signs in over HTTPS, with the certificate checked against its fingerprint', async () => {
    const res = await pinnedFetch(pairA.fingerprint)(`${url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'zhou.min', password: 'supervisor-pass-1' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token: string }).token).toBeTruthy();
    // Plain fetch, which trusts only the system's CAs, refuses the self-signed certificate.
    await expect(fetch(`${url}/api/openapi.json`)).rejects.toThrow();
  });

  it('the enroll command pins the certificate; given another fingerprint it refuses and enrolls nothing', { timeout: 180_000 }, async () => {
    const cli = (dir: string, ...args: string[]) =>
      run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'terminal/enroll-cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir } }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const wrong = await cli(tmp.file('cli-wrong'), url, await code(), pairB.fingerprint);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not match the fingerprint');
    const wdb = openDatabase(tmp.file('cli-wrong/terminal.sqlite'));
    expect(new SyncClient(wdb).identity()).toBeNull();
    wdb.close();
    const ok = await cli(tmp.file('cli-ok'), url, await code());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(pairA.fingerprint);
    const db = openDatabase(tmp.file('cli-ok/terminal.sqlite'));
    expect(new SyncClient(db).pinnedCertificate()).toBe(pairA.fingerprint);
    db.close();
  });

  it('after enrolling, a server on the same port with another pair is refused before it hears a byte; the terminal shows why', { timeout: 60_000 }, async () => {
    const db = openDatabase(tmp.file('pinned/client.sqlite'));
    const client = new SyncClient(db);
    await client.enroll(url, await code());
    expect(client.pinnedCertificate()).toBe(pairA.fingerprint);
    expect((await client.request('GET', '/api/terminal/me')) as object).toHaveProperty('terminal');
    expect(await liveOutcome(client)).toBe('open');
    // A whole terminal service, enrolled the same way, syncing in the background.
    const svc: TerminalService = await startEnrolledTerminal(tmp.file('svc'), url, await code(), 'kiosk');
    try {
      const status = async () => (await api(svc.url, 'GET', '/api/status')).json;
      expect(await settle(status, (s) => s.online === true)).toMatchObject({ online: true, lastError: null });

      await app.close();
      heard = [];
      await listen(pairB, port);
      await expect(client.request('GET', '/api/terminal/me')).rejects.toMatchObject({ code: 'CERTIFICATE_MISMATCH', status: null });
      await expect(client.request('POST', '/api/sync/events', { events: [], skipped: [] })).rejects.toBeInstanceOf(SyncRequestError);
      expect(await liveOutcome(client)).toContain('not the pinned');

      // The kiosk still serves its visitor offline, and its status says it is offline, and why.
      const ticket = await api(svc.url, 'POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN', print: false });
      expect(ticket.status).toBe(200);
      expect(ticket.json.ticket.offline).toBe(true);
      expect(await settle(status, (s) => s.lastError === 'CERTIFICATE_MISMATCH')).toMatchObject({
        online: false,
        lastError: 'CERTIFICATE_MISMATCH',
        backlog: 1,
        problem: { reason: 'certificate', code: 'CERTIFICATE_MISMATCH', serverUrl: url },
      });
      expect(heard).toEqual([]);
    } finally {
      await svc.stop();
      db.close();
    }
  });

  it('plain HTTP still works where the server is configured so, and pins nothing', async () => {
    const plain = await buildServerApp(t.db, config);
    const plainUrl = await plain.listen({ host: '127.0.0.1', port: 0 });
    const db = openDatabase(tmp.file('plain/client.sqlite'));
    try {
      const client = new SyncClient(db);
      await client.enroll(plainUrl, await code());
      expect(client.pinnedCertificate()).toBeNull();
      expect((await client.request('GET', '/api/terminal/me')) as object).toHaveProperty('terminal');
    } finally {
      db.close();
      await plain.close();
    }
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalMe } from '../../core/contract/index.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { clockState, loadClockOffset } from '../../core/sync/clock.js';
import { SyncClient, SyncRequestError } from '../../core/sync/client.js';
import { loadServerConfig } from '../../server/config.js';
import { buildServerApp } from '../../server/http/app.js';
import { backends, type TestDb } from '../../server/test-db.js';
import { createTerminal, disableTerminal } from '../../server/terminals/repository.js';

const TEN_MINUTES = 600_000;

/** A terminal (its real SQLite file and sync client) against a real central server over HTTP. */
describe.each(backends)('terminal enrolls with and signs to the central server on $name', (backend) => {
  let server: TestDb;
  let app: FastifyInstance;
  let url: string;
  const tmp = tempDir('hall-sync-');
  const config = loadServerConfig({});
  const terminals: Db[] = [];

  beforeAll(async () => {
    server = await backend.open();
    app = await buildServerApp(server.db, config);
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    for (const db of terminals) db.close();
    tmp.cleanup();
  });

  function terminalDb(name: string): Db {
    const db = openDatabase(tmp.file(`${name}.sqlite`));
    terminals.push(db);
    return db;
  }

  it('enrolls with the code the administrator gave, then its signed requests are accepted', async () => {
    const { terminal, code } = await createTerminal(server.db, { name: 'Counter 1', hall: 'main', roles: ['counter', 'rating'] }, Date.now(), config.enrollCodeTtlMs);
    const client = new SyncClient(terminalDb('c1'));
    const id = await client.enroll(`${url}/`, code);
    expect(id).toMatchObject({ terminalId: terminal.id, hall: 'main', roles: ['counter', 'rating'] });

    const me = TerminalMe.parse(await client.request('GET', '/api/terminal/me'));
    expect(me.terminal).toMatchObject({ id: terminal.id, name: 'Counter 1' });
    expect(me.terminal.lastSeenAt).not.toBeNull();
    await client.request('POST', '/api/terminal/heartbeat', { version: '0.1.0', outboxPending: 2, clockOffsetMs: 0 });
    expect(clockState(loadClockOffset(terminalDb('c1'))).state).toBe('ok');
  });

  it('a wrong code leaves the terminal unenrolled', async () => {
    const db = terminalDb('wrong');
    const client = new SyncClient(db);
    await expect(client.enroll(url, 'AAAAA-AAAAA')).rejects.toMatchObject({ code: 'ENROLL_CODE_INVALID', status: 401 });
    expect(client.identity()).toBeNull();
    await expect(client.request('GET', '/api/terminal/me')).rejects.toMatchObject({ code: 'NOT_ENROLLED' });
  });

  it('a terminal whose clock is ten minutes slow learns the offset, still gets through, and reports the drift', async () => {
    const { code } = await createTerminal(server.db, { name: 'Kiosk slow', hall: 'main', roles: ['kiosk'] }, Date.now(), config.enrollCodeTtlMs);
    const db = terminalDb('slow');
    const client = new SyncClient(db, { now: () => Date.now() - TEN_MINUTES });
    await client.enroll(url, code);
    const state = clockState(loadClockOffset(db));
    expect(state.state).toBe('drifted');
    expect(state.state !== 'unknown' && Math.round(state.offsetMs / 60_000)).toBe(10);
    // Signed with the server's time as estimated, so the timestamp check passes.
    await expect(client.request('GET', '/api/terminal/me')).resolves.toMatchObject({ terminal: { name: 'Kiosk slow' } });
  });

  it('a disabled terminal is refused on its next request', async () => {
    const { terminal, code } = await createTerminal(server.db, { name: 'Kiosk 9', hall: 'main', roles: ['kiosk'] }, Date.now(), config.enrollCodeTtlMs);
    const client = new SyncClient(terminalDb('k9'));
    await client.enroll(url, code);
    await disableTerminal(server.db, terminal.id, Date.now());
    const err = await client.request('GET', '/api/terminal/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncRequestError);
    expect(err).toMatchObject({ code: 'TERMINAL_DISABLED', status: 403 });
  });

  it('an unreachable server is a network error, not a refusal', async () => {
    const client = new SyncClient(terminalDb('offline'));
    await expect(client.enroll('http://127.0.0.1:9', 'AAAAA-AAAAA')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

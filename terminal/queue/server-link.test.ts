import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { SyncClient } from '../../core/sync/client.js';
import { newKeyPair, saveIdentity } from '../../core/sync/identity.js';
import { ServerLink } from './server-link.js';

// The link's online flag follows every request of the sync client, not only the queue's own calls:
// a server that stops answering takes it offline, the next upload or heartbeat that succeeds brings it back.

const tmp = tempDir('link-');
let db: Db;
let server: Server;
let answering = true;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (!answering) return req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  db = openDatabase(tmp.file('t.sqlite'));
  const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  saveIdentity(db, { ...newKeyPair(), serverUrl, terminalId: 'T1', name: 'kiosk', hall: 'main', roles: ['kiosk'], enrolledAt: new Date().toISOString() });
});
afterAll(async () => {
  db.close();
  tmp.cleanup();
  await new Promise((r) => server.close(r));
});

describe('ServerLink', () => {
  it('goes offline when any request finds no server and online when any request is answered', async () => {
    const client = new SyncClient(db);
    const changes: boolean[] = [];
    const link = new ServerLink(client, (online) => changes.push(online));
    expect(link.online).toBe(true);
    answering = false;
    await expect(client.request('POST', '/api/terminal/heartbeat', {})).rejects.toThrow('NETWORK');
    expect(link.online).toBe(false);
    answering = true;
    await client.request('POST', '/api/events', { events: [] });
    expect(link.online).toBe(true);
    expect(changes).toEqual([false, true]);
  });
});

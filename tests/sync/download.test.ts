import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { snapshot as catalogSnapshot, seedCatalog } from '../../core/catalog/test-support.js';
import { ChangesPage, LIVE_PATH, SearchQuery, type CatalogFile, type LiveMessage } from '../../core/contract/index.js';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { searchProcedures } from '../../core/search/search.js';
import { SyncClient } from '../../core/sync/client.js';
import { applyPage, downloadCursor, Downloader } from '../../core/sync/downloader.js';
import { signRequest } from '../../core/sync/sign.js';
import { loadServerConfig } from '../../server/config.js';
import { buildServerApp } from '../../server/http/app.js';
import { importServerCatalog } from '../../server/sync/catalog.js';
import { latestSeq, pruneChanges } from '../../server/sync/changes.js';
import { LIVE_REVOKED, LiveHub } from '../../server/sync/live.js';
import { createTerminal, disableTerminal, reissueEnrollCode } from '../../server/terminals/repository.js';
import { backends, type TestDb } from '../../server/test-db.js';
import { loadConfig } from '../../terminal/config.js';
import { startTerminalService } from '../../terminal/service.js';
import { LiveClient, type LiveState } from '../../terminal/sync/live-client.js';
import { startDownloadSync, type DownloadSync } from '../../terminal/sync/download-sync.js';

const FAST = { baseMs: 20, maxMs: 200 };

async function until(what: string, cond: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The seed catalog with one procedure renamed, so the terminal's search tells which version it has. */
function renamed(name: string): CatalogFile {
  const c = seedCatalog();
  c.procedures[0]!.name['zh-CN'] = name;
  return c;
}

const names = (db: Db): string[] => (db.prepare('SELECT name_zh FROM procedures ORDER BY code').all() as { name_zh: string }[]).map((r) => r.name_zh);
const found = (db: Db, q: string): string[] => searchProcedures(db, SearchQuery.parse({ q })).items.map((i) => i.name);

/** Terminals (real SQLite files, real HTTP and WebSocket) downloading from a real central server. */
describe.each(backends)('terminals download the catalog from the central server on $name', (backend) => {
  let server: TestDb;
  let app: FastifyInstance;
  let url: string;
  const hub = new LiveHub();
  const tmp = tempDir('hall-download-');
  const config = loadServerConfig({});
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    server = await backend.open();
    app = await buildServerApp(server.db, config, { live: hub, livePollMs: 50 });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    for (const c of closers.reverse()) c();
    await app?.close();
    await server?.close();
    tmp.cleanup();
  });

  async function enrolled(name: string): Promise<{ db: Db; client: SyncClient }> {
    const { code } = await createTerminal(server.db, { name, hall: 'main', roles: ['kiosk'] }, Date.now(), config.enrollCodeTtlMs);
    const db = openDatabase(tmp.file(`${name}.sqlite`));
    closers.push(() => db.close());
    const client = new SyncClient(db);
    await client.enroll(url, code);
    return { db, client };
  }

  it('a catalog imported on the server is searchable on a connected terminal within seconds, pushed over the live channel', async () => {
    const { db, client } = await enrolled('kiosk-live');
    const states: LiveState[] = [];
    // The timer is an hour: only the live push can make this terminal pull in time.
    const sync: DownloadSync = startDownloadSync(db, client, { intervalMs: 3_600_000, backoff: FAST, onLiveState: (s) => states.push(s) });
    closers.push(() => sync.stop());
    await until('the live channel is open', () => states.includes('open'));
    expect(found(db, '骆驼')).toEqual([]);

    const result = await importServerCatalog(server.db, JSON.stringify(renamed('骆驼进口许可证签发')), new Date());
    expect(result).toMatchObject({ ok: true, procedures: seedCatalog().procedures.length });
    await until('the terminal finds the new name', () => found(db, '骆驼').length > 0);
    expect(found(db, '骆驼')).toEqual(['骆驼进口许可证签发']);
    expect(downloadCursor(db)).toBe(await latestSeq(server.db));
  });

  it('pulling again, or applying the same page twice, changes nothing', async () => {
    const { db, client } = await enrolled('kiosk-idem');
    const downloader = new Downloader(db, client);
    const first = await downloader.pull();
    expect(first.applied).toBeGreaterThan(0);
    const before = catalogSnapshot(db);

    await expect(downloader.pull()).resolves.toMatchObject({ applied: 0, cursor: first.cursor });
    const page = ChangesPage.parse(await client.request('GET', '/api/sync/changes?after=0&limit=100'));
    expect(page.changes.length).toBeGreaterThan(0);
    expect(applyPage(db, page)).toBe(0);
    expect(applyPage(db, page)).toBe(0);
    expect(catalogSnapshot(db)).toEqual(before);
    expect(downloadCursor(db)).toBe(first.cursor);
  });

  it('an invalid catalog is refused on the server with every issue, appends no change and leaves terminals as they were', async () => {
    const { db, client } = await enrolled('kiosk-invalid');
    const downloader = new Downloader(db, client);
    await downloader.pull();
    const before = { seq: await latestSeq(server.db), terminal: catalogSnapshot(db) };

    const bad = renamed('');
    bad.procedures[1]!.department = 'no-such-department';
    const result = await importServerCatalog(server.db, JSON.stringify(bad), new Date());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['procedures[0].name.zh-CN', 'procedures[1].department']));
    expect(await latestSeq(server.db)).toBe(before.seq);
    expect((await importServerCatalog(server.db, '{ not json', new Date())).ok).toBe(false);

    await expect(downloader.pull()).resolves.toMatchObject({ applied: 0 });
    expect(catalogSnapshot(db)).toEqual(before.terminal);
  });

  it('the live channel refuses an unsigned or tampered upgrade', async () => {
    const { client } = await enrolled('kiosk-tamper');
    const id = client.identity()!;
    const status = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { headers });
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('open', () => {
          resolve(101);
          ws.close();
        });
        ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
      });

    expect(await status(LIVE_PATH, {})).toBe(401);
    // Signed for another path, then sent to the live one.
    expect(await status(LIVE_PATH, signRequest(id, { method: 'GET', path: `${LIVE_PATH}?hall=other` }, client.serverNow()))).toBe(401);
    const good = signRequest(id, { method: 'GET', path: LIVE_PATH }, client.serverNow());
    expect(await status(LIVE_PATH, { ...good, 'x-signature': good['x-signature']!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).toBe(401);
    expect(await status(LIVE_PATH, good)).toBe(101);
    // The same signed upgrade again is a replay.
    expect(await status(LIVE_PATH, good)).toBe(401);
  });

  it('the live client reconnects by itself after the server drops it, and then receives hall events', async () => {
    const { client } = await enrolled('hall-screen');
    let opens = 0;
    const events: LiveMessage[] = [];
    const live = new LiveClient(client, { backoff: FAST, onState: (s) => (s === 'open' ? opens++ : undefined), onMessage: (m) => events.push(m) });
    live.start();
    closers.push(() => live.stop());
    await until('connected', () => opens === 1);

    hub.closeAll();
    await until('reconnected', () => opens === 2);
    await until('registered again', () => hub.size > 0);
    hub.publishToHall('main', { kind: 'called', ticket: 'A001' });
    hub.publishToHall('other-hall', { kind: 'called', ticket: 'B001' });
    await until('the hall event arrives', () => events.some((e) => e.type === 'hall'));
    expect(events.filter((e) => e.type === 'hall')).toEqual([{ type: 'hall', hall: 'main', event: { kind: 'called', ticket: 'A001' } }]);
  });

  it('a terminal disabled, or given a new code, while its live channel is open loses it at once and gets no more hall events', async () => {
    const closes: number[] = [];
    const watch = async (name: string) => {
      const { client } = await enrolled(name);
      const id = client.identity()!;
      const events: LiveMessage[] = [];
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${LIVE_PATH}`, { headers: signRequest(id, { method: 'GET', path: LIVE_PATH }, client.serverNow()) });
      ws.on('message', (data) => events.push(JSON.parse(String(data)) as LiveMessage));
      ws.on('close', (code) => closes.push(code));
      closers.push(() => ws.terminate());
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      return { id: id.terminalId, ws, events };
    };
    const disabled = await watch('kiosk-to-disable');
    const rekeyed = await watch('kiosk-to-rekey');
    const kept = await watch('kiosk-kept');

    await disableTerminal(server.db, disabled.id, Date.now());
    await reissueEnrollCode(server.db, rekeyed.id, Date.now(), config.enrollCodeTtlMs);
    await until('both sockets closed', () => closes.length >= 2).catch((err: Error) => {
      throw new Error(`${err.message} (closed: ${JSON.stringify(closes)}, open on the server: ${hub.size}, terminals: ${hub.terminalIds().length})`);
    });
    expect(closes).toEqual([LIVE_REVOKED, LIVE_REVOKED]);
    hub.publishToHall('main', { kind: 'called', ticket: 'A009' });
    await until('the kept terminal hears the call', () => kept.events.some((e) => e.type === 'hall'));
    expect(disabled.events.some((e) => e.type === 'hall')).toBe(false);
    expect(rekeyed.events.some((e) => e.type === 'hall')).toBe(false);
    expect(kept.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("an enrolled terminal service follows the server's catalog: its kiosk search shows an import within seconds", async () => {
    const dir = tmp.file('svc');
    const { code } = await createTerminal(server.db, { name: 'kiosk-svc', hall: 'main', roles: ['kiosk'] }, Date.now(), config.enrollCodeTtlMs);
    mkdirSync(dir, { recursive: true });
    const db = openDatabase(join(dir, 'terminal.sqlite'));
    await new SyncClient(db).enroll(url, code);
    db.close();
    const svc = await startTerminalService(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), () => {});
    closers.push(() => void svc.stop());
    const kioskSearch = async (q: string) =>
      ((await (await fetch(`${svc.url}/api/procedures?q=${encodeURIComponent(q)}`)).json()) as { items: { name: string }[] }).items.map((i) => i.name);
    expect(await kioskSearch('企鹅')).toEqual([]);

    await importServerCatalog(server.db, JSON.stringify(renamed('企鹅进口许可证签发')), new Date());
    let names: string[] = [];
    const end = Date.now() + 15_000;
    while (!names.length && Date.now() < end) {
      names = await kioskSearch('企鹅');
      if (!names.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(names).toEqual(['企鹅进口许可证签发']);
  });

  it('a connection that goes silent is dropped by the client and opened again', async () => {
    const { client } = await enrolled('kiosk-silent');
    let opens = 0;
    // The server pings every 30 s; a client expecting word every 300 ms sees silence and reconnects.
    const live = new LiveClient(client, { backoff: FAST, silenceMs: 300, onState: (s) => (s === 'open' ? opens++ : undefined), onMessage: () => {} });
    live.start();
    closers.push(() => live.stop());
    await until('reconnected after silence', () => opens >= 2);
  });

  // Last: pruning forgets the changes the other tests pulled.
  it('a terminal whose cursor is older than the kept changes gets a snapshot and ends with the same catalog', async () => {
    const current = await enrolled('kiosk-current');
    await new Downloader(current.db, current.client).pull();
    const behind = await enrolled('kiosk-behind');

    await importServerCatalog(server.db, JSON.stringify(renamed('海豚进口许可证签发')), new Date());
    await new Downloader(current.db, current.client).pull();
    await pruneChanges(server.db, await latestSeq(server.db));

    const err = await behind.client.request('GET', '/api/sync/changes?after=0').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 410, body: { snapshot: { cursor: await latestSeq(server.db) } } });

    const r = await new Downloader(behind.db, behind.client).pull();
    expect(r).toMatchObject({ snapshot: true, cursor: await latestSeq(server.db) });
    expect(names(behind.db)).toEqual(names(current.db));
    expect(found(behind.db, '海豚')).toEqual(['海豚进口许可证签发']);
    await expect(new Downloader(behind.db, behind.client).pull()).resolves.toMatchObject({ applied: 0, snapshot: false });
  });
});

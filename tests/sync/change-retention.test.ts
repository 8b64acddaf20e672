import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { currentAnnouncements } from '../../core/queue/reference.js';
import { SyncClient } from '../../core/sync/client.js';
import { Downloader } from '../../core/sync/downloader.js';
import { createAnnouncement, withdrawAnnouncement } from '../../server/announcements/repository.js';
import { loadServerConfig, type ServerConfig } from '../../server/config.js';
import { buildServerApp } from '../../server/http/app.js';
import { prunedThrough } from '../../server/sync/seq.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { backends, type TestDb } from '../../server/test-db.js';
import { until } from './upload-helpers.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T01:30:00Z');
const notice = (en: string) => ({ hall: 'main', text: { 'zh-CN': `通知：${en}`, en, ru: `Объявление: ${en}` }, from: '2026-03-01', until: '2026-06-30' });

/** A running central server whose clock the test moves; it prunes its change feed on its own schedule. */
describe.each(backends)('the change feed keeps CHANGE_RETENTION_DAYS days on $name', (backend) => {
  const clock = { now: T0 };
  const config: ServerConfig = { ...loadServerConfig({ CHANGE_RETENTION_DAYS: '30' }), now: () => clock.now };
  const tmp = tempDir('hall-retention-');
  const dbs: Db[] = [];
  let server: TestDb;
  let app: FastifyInstance;
  let url = '';
  beforeAll(async () => {
    server = await backend.open();
    app = await buildServerApp(server.db, config, { pruneEveryMs: 25 });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    for (const db of dbs) db.close();
    tmp.cleanup();
  });

  /** A kiosk enrolled with the server, on the server's clock, and its puller. */
  async function kiosk(name: string) {
    const { code } = await createTerminal(server.db, { name, hall: 'main', roles: ['kiosk'] }, clock.now, config.enrollCodeTtlMs);
    const db = openDatabase(tmp.file(`${name}.sqlite`));
    dbs.push(db);
    const client = new SyncClient(db, { now: () => clock.now });
    await client.enroll(url, code);
    const notices = () => currentAnnouncements(db, 'main', '2026-04-15').map((a) => a.text.en);
    return { client, notices, pull: () => new Downloader(db, client).pull() };
  }

  it('a terminal away longer than that gets 410 and a snapshot, then catches up; one within it still gets the changes', async () => {
    const first = await createAnnouncement(server.db, notice('first'), clock.now);
    const away = await kiosk('away');
    const present = await kiosk('present');
    await away.pull();
    await present.pull();
    expect(away.notices()).toEqual(['first']);

    // While `away` is switched off: the first notice is withdrawn, a second one published.
    clock.now = T0 + 5 * DAY;
    await withdrawAnnouncement(server.db, first.id, clock.now);
    await createAnnouncement(server.db, notice('second'), clock.now);
    expect(await present.pull()).toMatchObject({ applied: 2, cursor: 3, snapshot: false });

    // 40 days on, only the newest change is younger than 30 days: the server forgets the rest by itself.
    clock.now = T0 + 40 * DAY;
    await createAnnouncement(server.db, notice('third'), clock.now);
    await until(async () => (await prunedThrough(server.db)) === 3, 20_000);

    const gone = await away.client.request('GET', '/api/sync/changes?after=1').catch((err: unknown) => err);
    expect(gone).toMatchObject({ status: 410, body: { snapshot: { cursor: 4 } } });
    expect(await away.pull()).toMatchObject({ snapshot: true, cursor: 4 });
    // The snapshot holds what is current: the withdrawal it never saw as a change is applied too.
    expect(away.notices()).toEqual(['second', 'third']);

    expect(await present.pull()).toMatchObject({ applied: 1, cursor: 4, snapshot: false });
    expect(present.notices()).toEqual(['second', 'third']);

    // Caught up: the next change comes as a change again.
    clock.now = T0 + 41 * DAY;
    await createAnnouncement(server.db, notice('fourth'), clock.now);
    expect(await away.pull()).toMatchObject({ applied: 1, cursor: 5, snapshot: false });
    expect(away.notices()).toEqual(['second', 'third', 'fourth']);
  });

  it('reads the number of days from the environment; 0 keeps every change', () => {
    expect(loadServerConfig({}).changeRetentionDays).toBe(30);
    expect(loadServerConfig({ CHANGE_RETENTION_DAYS: '0' }).changeRetentionDays).toBe(0);
    expect(() => loadServerConfig({ CHANGE_RETENTION_DAYS: 'a month' })).toThrow('CHANGE_RETENTION_DAYS must be a whole number');
  });
});

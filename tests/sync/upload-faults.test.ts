import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/connection.js';
import { tempDir } from '../../core/db/test-db.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { backends, type TestDb } from '../../server/test-db.js';
import { startUploadSync, type UploadSync } from '../../terminal/sync/upload-sync.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { enrolledTerminal, listen, serverEvents, until } from './upload-helpers.js';

const TOTAL = Number(process.env.UPLOAD_FAULT_EVENTS ?? 10_000);
const TERMINALS = 3;

describe.each(backends)('uploads through a faulty network on $name', (backend) => {
  let server: TestDb;
  let app: FastifyInstance;
  let proxy: FaultProxy;
  let url: string;
  const tmp = tempDir('hall-faults-');
  const dbs: Db[] = [];
  const syncs: UploadSync[] = [];

  beforeAll(async () => {
    server = await backend.open();
    ({ app, url } = await listen(server.db));
    proxy = await startFaultProxy(url, { seed: 20261125 });
  });
  afterAll(async () => {
    for (const s of syncs) s.stop();
    await proxy?.close();
    await app?.close();
    await server?.close();
    for (const db of dbs) db.close();
    tmp.cleanup();
  }, 60_000);

  it(`${TOTAL} events from ${TERMINALS} terminals arrive exactly once and in each terminal's order`, { timeout: 240_000 }, async () => {
    const terminals = [];
    for (let t = 0; t < TERMINALS; t++) {
      const term = await enrolledTerminal(server.db, tmp.file(`t${t}.sqlite`), url, proxy.url);
      dbs.push(term.db);
      terminals.push(term);
    }
    for (const t of terminals) syncs.push(startUploadSync(t.db, t.client, { maxEvents: 100, intervalMs: 500, backoff: { baseMs: 10, maxMs: 200 } }));

    // The terminals keep writing while they upload, in small transactions, as a busy hall would.
    const counts = terminals.map((_, i) => Math.floor(TOTAL / TERMINALS) + (i < TOTAL % TERMINALS ? 1 : 0));
    const written = terminals.map(() => 0);
    while (written.some((w, i) => w < counts[i]!)) {
      terminals.forEach((t, i) => {
        const n = Math.min(40, counts[i]! - written[i]!);
        t.db.transaction(() => {
          for (let k = 0; k < n; k++) appendEvent(t.db, 'ticket.issued', { terminal: i, n: ++written[i]!, text: '排队号' });
        })();
      });
      await new Promise((r) => setTimeout(r, 5));
    }

    await until(() => syncs.every((s) => s.status().pending === 0), 200_000);

    expect(proxy.counts.requests).toBeGreaterThan(50);
    expect(proxy.faulted() / proxy.counts.requests).toBeGreaterThanOrEqual(0.3);
    for (const f of ['drop', 'delay', 'duplicate', 'reorder', 'error500', 'cut'] as const) expect(proxy.counts[f]).toBeGreaterThan(0);

    const { rows } = await sql<{ n: string; ids: string }>`SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM events`.execute(server.db);
    expect(Number(rows[0]!.n)).toBe(TOTAL);
    expect(Number(rows[0]!.ids)).toBe(TOTAL);
    for (const [i, t] of terminals.entries()) {
      const local = t.db.prepare('SELECT device_seq, event_id, payload FROM outbox ORDER BY device_seq').all() as { device_seq: number; event_id: string; payload: string }[];
      const remote = await serverEvents(server.db, t.terminalId);
      expect(remote.length).toBe(counts[i]);
      expect(remote.map((r) => r.device_seq)).toEqual(Array.from({ length: counts[i]! }, (_, k) => k + 1));
      expect(remote.map((r) => r.event_id)).toEqual(local.map((l) => l.event_id));
      expect(remote.map((r) => r.payload)).toEqual(local.map((l) => JSON.parse(l.payload) as unknown));
      expect(syncs[i]!.status()).toMatchObject({ pending: 0, dead: 0 });
    }
    console.log(`fault proxy: ${JSON.stringify(proxy.counts)}; ${((100 * proxy.faulted()) / proxy.counts.requests).toFixed(0)}% of requests faulted`);
  });
});

import { tempDir } from '../../core/db/test-db.js';
import type { Db } from '../../core/db/connection.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import type { SyncClient } from '../../core/sync/client.js';
import { Uploader } from '../../core/sync/upload.js';
import { backends } from '../../server/test-db.js';
import { enrolledTerminal, listen } from '../sync/upload-helpers.js';
import { table, type Benchmark } from './harness.js';

const BACKLOG = Number(process.env.BENCH_UPLOAD_EVENTS ?? 50_000);
const BASELINE = Number(process.env.BENCH_UPLOAD_BASELINE_EVENTS ?? 2_000);

function fill(db: Db, n: number): void {
  for (let done = 0; done < n; done += 1000) {
    db.transaction(() => {
      for (let k = 0; k < Math.min(1000, n - done); k++) appendEvent(db, 'ticket.issued', { ticket: `A${done + k}`, procedure: 'P-0042', lang: 'zh-CN', note: '现场取号' });
    })();
  }
}

/** Events per second while one terminal drains its whole backlog. */
async function drain(db: Db, client: SyncClient, n: number, maxEvents: number): Promise<number> {
  fill(db, n);
  const uploader = new Uploader(db, client, { maxEvents });
  const start = process.hrtime.bigint();
  for (;;) {
    const r = await uploader.round();
    if (r.kind === 'idle') break;
    if (r.kind !== 'sent') throw new Error(`upload failed: ${JSON.stringify(r)}`);
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

export const uploadBenchmark: Benchmark = {
  name: 'upload',
  description: `one terminal drains a backlog of ${BACKLOG} events in batches of 500, against one request per event (${BASELINE} events), over HTTP`,
  async run() {
    const rows: (string | number)[][] = [];
    for (const backend of backends) {
      const server = await backend.open();
      const { app, url } = await listen(server.db);
      const tmp = tempDir('hall-bench-upload-');
      try {
        const batched = await enrolledTerminal(server.db, tmp.file('batched.sqlite'), url);
        const single = await enrolledTerminal(server.db, tmp.file('single.sqlite'), url);
        const fast = await drain(batched.db, batched.client, BACKLOG, 500);
        const slow = await drain(single.db, single.client, BASELINE, 1);
        rows.push([backend.name, 'batches of 500', BACKLOG, Math.round(fast), `${(fast / slow).toFixed(1)}×`]);
        rows.push([backend.name, 'one request per event', BASELINE, Math.round(slow), '1.0×']);
        batched.db.close();
        single.db.close();
      } finally {
        await app.close();
        await server.close();
        tmp.cleanup();
      }
    }
    console.log(table(['server database', 'upload', 'events', 'events/s', 'vs baseline'], rows));
    if (!backends.some((b) => b.name === 'postgres')) console.log('\nPostgreSQL was not measured: DATABASE_URL is not set.');
  },
};

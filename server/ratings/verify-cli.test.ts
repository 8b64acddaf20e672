import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../admin/cli-test-support.js';
import { loadCalendar } from '../calendar/calendar.js';
import { loadServerConfig } from '../config.js';
import { feedbackClock } from '../supervision/feedback-clock.js';
import { ratingChain } from '../supervision/test-support.js';
import { storeRating } from './store.js';
import { backends, type SharedDb } from '../test-db.js';

const CLI = new URL('./verify-cli.ts', import.meta.url).pathname;

describe.each(backends)('rating chain verification command on $name', (backend) => {
  let shared: SharedDb;
  beforeAll(async () => {
    shared = await backend.openShared();
  });
  afterAll(() => shared?.cleanup());

  const verify = (args: string[] = []) => runCli(CLI, args, { env: { ...process.env, ...shared.env } });

  async function withDb(fn: (db: Awaited<ReturnType<SharedDb['connect']>>) => Promise<void>) {
    const db = await shared.connect();
    try {
      await fn(db);
    } finally {
      await db.destroy();
    }
  }

  it('passes a whole chain and fails, exit code 1, naming the edited row', { timeout: 120_000 }, async () => {
    const next = ratingChain('dev-kiosk-9');
    const chain = [next({ level: 5, recordedAt: '2026-03-02T09:00:00+08:00' }), next({ level: 4, recordedAt: '2026-03-02T09:30:00+08:00' }), next({ level: 3, recordedAt: '2026-03-02T10:00:00+08:00' })];
    await withDb(async (db) => {
      // Stored as the upload stores them, so the test's rows cannot drift from the server's.
      const config = loadServerConfig({});
      const clock = feedbackClock(config, loadCalendar(config.holidaysFile));
      await db.transaction().execute(async (tx) => {
        for (const r of chain) {
          const served = { ticket_id: r.serviceId, ticket_number: r.ticketNumber, counter_no: r.counterNo, clerk_number: r.clerkNumber, service: r.service, matter: r.matter };
          await storeRating(tx, { id: 'T1', deviceId: r.terminalDeviceId }, r, new Date(r.recordedAt), served, clock);
        }
      });
    });
    const ok = await verify();
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Rating chains OK: 1 terminal chain(s), 3 row(s).');

    await withDb(async (db) => {
      await sql`UPDATE ratings SET comment = '改过' WHERE chain_seq = 2`.execute(db);
    });
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN on terminal dev-kiosk-9 at row 2 (rating ${chain[1]!.id}): hash-mismatch`);
    const json = await verify(['--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).firstBroken).toEqual({ terminal: 'dev-kiosk-9', chainSeq: 2, id: chain[1]!.id, problem: 'hash-mismatch' });
  });
});

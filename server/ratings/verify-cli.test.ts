import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingChain } from '../supervision/test-support.js';
import { backends, type SharedDb } from '../test-db.js';

const run = promisify(execFile);
const CLI = new URL('./verify-cli.ts', import.meta.url).pathname;

describe.each(backends)('rating chain verification command on $name', (backend) => {
  let shared: SharedDb;
  beforeAll(async () => {
    shared = await backend.openShared();
  });
  afterAll(() => shared?.cleanup());

  async function verify(args: string[] = []) {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...shared.env }, timeout: 60_000 });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  }

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
      await db
        .insertInto('ratings')
        .values(
          chain.map((r) => ({
            id: r.id,
            terminal_id: 'T1',
            device_id: r.terminalDeviceId,
            chain_seq: r.chainSeq,
            service_id: r.serviceId,
            ticket_number: r.ticketNumber,
            counter_no: r.counterNo,
            clerk_number: r.clerkNumber,
            service: r.service,
            matter: r.matter,
            level: r.level,
            reasons: JSON.stringify(r.reasons),
            comment: r.comment,
            channel: r.channel,
            recorded_at: r.recordedAt,
            prev_hash: r.prevHash,
            hash: r.hash,
            day: '2026-03-02',
            duplicate: false,
            received_at: new Date(),
          })),
        )
        .execute();
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

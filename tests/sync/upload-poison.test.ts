import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { deadLetters, Uploader, uploadStatus } from '../../core/sync/upload.js';
import { opinion } from '../../server/supervision/test-support.js';
import { backends } from '../../server/test-db.js';
import { startUploadSync } from '../../terminal/sync/upload-sync.js';
import { serverEvents, syncServer, until } from './upload-helpers.js';

/** An opinion as the kiosk uploads it (`opinion.filed`). */
const filed = (text: string) => opinion({ kind: 'opinion', text, prohibition: null, phone: null, filedAt: new Date().toISOString() });

describe.each(backends)('an event the server cannot store does not hold back the ones after it on $name', (backend) => {
  const fx = syncServer(backend, 'hall-upload-poison-');

  it('the events the database refuses are answered one by one and dead-lettered; the rest of the batch is stored', async () => {
    // A value this database refuses (a check constraint stands in for any data error).
    await sql`ALTER TABLE events ADD CONSTRAINT refuse_poison CHECK (NOT (payload ? 'poison'))`.execute(fx.db);
    const { db, client, terminalId } = await fx.terminal('poisoned');
    appendEvent(db, 'ticket.issued', { n: 1 });
    appendEvent(db, 'ticket.issued', { n: 2, poison: true });
    appendEvent(db, 'ticket.issued', { n: 3 });
    appendEvent(db, 'ticket.issued', { n: 4, poison: true });
    appendEvent(db, 'ticket.issued', { n: 5 });
    const uploader = new Uploader(db, client);

    expect(await uploader.round()).toEqual({ kind: 'dead-lettered', seqs: [2, 4] });
    expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual([1, 3, 5]);
    expect(await uploader.round()).toMatchObject({ kind: 'sent', ackedThrough: 5, more: false });
    expect(await uploader.round()).toEqual({ kind: 'idle' });
    expect(uploadStatus(db)).toMatchObject({ pending: 0, dead: 2, lastError: null });
    const dead = deadLetters(db);
    expect(dead.map((d) => d.deviceSeq)).toEqual([2, 4]);
    expect(dead[0]!.reason).toMatch(/^EVENT_UNSTORABLE: 23514 .*refuse_poison/);
  });

  it('an opinion whose text PostgreSQL cannot store (a NUL) is set aside, and every ticket and opinion behind it arrives', async () => {
    const { db, client, terminalId } = await fx.terminal('nul');
    // Written straight into the outbox, as a kiosk that accepted it would have.
    appendEvent(db, OPINION_EVENT, filed('abc\u0000defgh'));
    const later = Array.from({ length: 15 }, (_, i) => filed(`第${i + 1}条意见：窗口服务很好。`));
    for (const [i, o] of later.entries()) {
      appendEvent(db, OPINION_EVENT, o);
      appendEvent(db, 'ticket.issued', { n: i });
    }
    const sync = startUploadSync(db, client, { maxEvents: 8, intervalMs: 3_600_000, backoff: { baseMs: 20, maxMs: 50 } });
    try {
      await until(() => sync.status().pending === 0, 30_000);
      await sync.settled();
    } finally {
      sync.stop();
    }
    expect(uploadStatus(db)).toMatchObject({ pending: 0, dead: 1, lastError: null });
    expect(deadLetters(db).map((d) => d.deviceSeq)).toEqual([1]);
    expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    // The later opinions reached the complaint workflow.
    const inWorkflow = await fx.db.selectFrom('complaints').select('id').where('terminal_id', '=', terminalId).execute();
    expect(inWorkflow.map((c) => c.id).sort()).toEqual(later.map((o) => o.id).sort());
  });

  it("a fault of the server's own is still a 500: nothing is dead-lettered and the events go once it is over", async () => {
    await sql`CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$`.execute(fx.db);
    await sql`CREATE TRIGGER disk_full BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION disk_full()`.execute(fx.db);
    const { db, client, terminalId } = await fx.terminal('full');
    appendEvent(db, 'ticket.issued', { n: 1 });
    appendEvent(db, 'ticket.issued', { n: 2 });
    const uploader = new Uploader(db, client);
    try {
      expect(await uploader.round()).toEqual({ kind: 'retry', code: 'INTERNAL', status: 500 });
      expect(uploadStatus(db)).toMatchObject({ pending: 2, dead: 0 });
    } finally {
      await sql`DROP TRIGGER disk_full ON events`.execute(fx.db);
    }
    expect(await uploader.round()).toMatchObject({ kind: 'sent', ackedThrough: 2 });
    expect((await serverEvents(fx.db, terminalId)).map((r) => r.device_seq)).toEqual([1, 2]);
  });
});

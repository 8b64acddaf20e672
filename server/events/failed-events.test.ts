import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { adminOutcome } from '../admin/commands.js';
import type { TestTerminal } from '../queue/test-support.js';
import { feedbackFixture, opinion, type FeedbackFixture } from '../supervision/test-support.js';
import { backends } from '../test-db.js';

describe.each(backends)('an uploaded event that fails to apply is kept, counted and re-applied once on $name', (backend) => {
  let f: FeedbackFixture;
  let kiosk: TestTerminal;
  beforeAll(async () => {
    f = await feedbackFixture(backend);
    kiosk = await f.terminal('main', ['kiosk']);
  });
  afterAll(() => f?.close());

  /** `npm run server:admin -- …` as the server's admin socket runs it, on this database. */
  async function admin(...argv: string[]) {
    const lines: string[] = [];
    const io = { db: async () => f.db, out: (s: string) => lines.push(s), readPassword: async () => '', readFile: () => '', readBytes: () => Buffer.alloc(0) };
    const { code, error } = await adminOutcome(argv, io, f.config);
    return { code, stdout: lines.join('\n'), stderr: error ?? '' };
  }
  const failedCount = async () => (await f.staff('office', 'GET', '/api/supervision/live')).body.failedEvents;
  const complaint = (id: string) => f.db.selectFrom('complaints').select(['id', 'state']).where('id', '=', id).execute();
  const steps = (id: string) => f.db.selectFrom('complaint_steps').select('action').where('complaint_id', '=', id).execute();

  const held = opinion({ text: '窗口要求提供清单以外的材料，多跑了两次。', phone: '13812345678' });
  const other = opinion({ kind: 'suggestion', prohibition: null, phone: null, text: '希望增加一台自助取号机。' });

  it('a complaint the workflow refuses is kept as an event and counted; the rest of the upload is applied', async () => {
    // Stands in for any fault in applying: the database refuses this complaint's workflow row.
    await sql.raw(`ALTER TABLE complaints ADD CONSTRAINT held_back CHECK (id <> '${held.id}')`).execute(f.db);
    expect(await failedCount()).toBe(0);

    const ackedThrough = await f.upload(kiosk, [
      { type: OPINION_EVENT, payload: held },
      { type: OPINION_EVENT, payload: other },
    ]);
    expect(ackedThrough).toBe(2);
    const stored = await f.db.selectFrom('events').select('event_id').where('terminal_id', '=', kiosk.id).execute();
    expect(stored).toHaveLength(2);
    expect(await complaint(held.id)).toEqual([]);
    expect(await complaint(other.id)).toEqual([{ id: other.id, state: 'received' }]);

    expect(await failedCount()).toBe(1);
    expect((await f.staff('inspector', 'GET', '/api/supervision/live')).body.failedEvents).toBe(1);
    expect((await f.staff('dept', 'GET', '/api/supervision/live')).body.failedEvents).toBeNull();

    const listed = await admin('events', 'failed');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('1 uploaded event(s) could not be applied');
    expect(listed.stdout).toMatch(new RegExp(`${stored[0]!.event_id}\\s+\\S+ \\(${kiosk.id}\\)\\s+1\\s+opinion\\.filed\\s+1\\s+.*23514 .*held_back`));
    // The reason is the database's, never the complaint's text or phone.
    expect(listed.stdout).not.toContain('13812345678');
    expect(listed.stdout).not.toContain('清单以外');
    const terminals = JSON.parse((await admin('terminal', 'list', '--json')).stdout) as { id: string; failedEvents: number }[];
    expect(terminals.find((t) => t.id === kiosk.id)?.failedEvents).toBe(1);
  });

  it('re-applied while the fault remains, it stays in the list with its new reason', async () => {
    await sql`ALTER TABLE complaints DROP CONSTRAINT held_back`.execute(f.db);
    await sql.raw(`ALTER TABLE complaints ADD CONSTRAINT still_held CHECK (id <> '${held.id}')`).execute(f.db);
    const again = await admin('events', 'reapply');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('0 of 1 applied; 1 still fail');
    expect(again.stdout).toContain('still_held');
    const [row] = JSON.parse((await admin('events', 'failed', '--json')).stdout) as { attempts: number; reason: string }[];
    expect(row).toMatchObject({ attempts: 2, reason: expect.stringContaining('still_held') });
    expect(await failedCount()).toBe(1);
    expect(await complaint(held.id)).toEqual([]);
  });

  it('after the fix it is applied exactly once and leaves the list', async () => {
    await sql`ALTER TABLE complaints DROP CONSTRAINT still_held`.execute(f.db);
    const fixed = await admin('events', 'reapply');
    expect(fixed).toMatchObject({ code: 0, stderr: '' });
    expect(fixed.stdout).toMatch(/^applied\s+\S+\s+opinion\.filed/m);
    expect(fixed.stdout).toContain('1 of 1 applied.');
    expect(await complaint(held.id)).toEqual([{ id: held.id, state: 'received' }]);
    expect(await failedCount()).toBe(0);
    expect((await admin('events', 'failed')).stdout).toBe('Every uploaded event has been applied.');

    // Once: a second run has nothing to do, and the same upload again changes nothing.
    expect((await admin('events', 'reapply')).stdout).toBe('No uploaded event is waiting to be applied.');
    const sent = await f.db.selectFrom('events').selectAll().where('terminal_id', '=', kiosk.id).orderBy('device_seq').execute();
    const resend = sent.map((e) => ({ deviceSeq: Number(e.device_seq), eventId: e.event_id, type: e.type, payload: e.payload, createdAt: e.created_at.toISOString() }));
    expect(await kiosk.call('POST', '/api/sync/events', { events: resend, skipped: [] })).toMatchObject({ status: 200, body: { ackedThrough: 2, refused: [] } });
    expect(await steps(held.id)).toEqual([{ action: 'filed' }]);
    const office = await f.staff('office', 'GET', '/api/supervision/complaints');
    expect(office.body.complaints.filter((c: { id: string }) => c.id === held.id)).toHaveLength(1);
  });
});

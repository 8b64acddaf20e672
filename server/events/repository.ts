import { sql, type Transaction } from 'kysely';
import { EVENT_NOT_PRODUCED, EVENT_UNSTORABLE, eventRefusalFor, type RefusedEvent, type UploadEvent, type UploadRequest, type UploadResponse } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { failureReason } from '../db/fault.js';
import { inSavepoint } from '../db/savepoint.js';
import type { ServerSchema } from '../db/schema.js';
import type { StoredEvent } from './apply.js';

type Tx = Transaction<ServerSchema>;

/** Runs in the upload's transaction with the events it stored for the first time, in device_seq order. */
export type ApplyStored = (tx: Tx, events: StoredEvent[]) => Promise<void>;

function insertEvents(tx: Tx, terminalId: string, events: UploadEvent[], receivedAt: Date) {
  return tx
    .insertInto('events')
    .values(
      events.map((e) => ({
        terminal_id: terminalId,
        device_seq: e.deviceSeq,
        event_id: e.eventId,
        type: e.type,
        payload: JSON.stringify(e.payload),
        created_at: new Date(e.createdAt),
        received_at: receivedAt,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['device_seq', 'event_id', 'type', 'payload'])
    .execute();
}

type Inserted = Awaited<ReturnType<typeof insertEvents>>;

/**
 * Inserts the batch in one statement; when the database refuses it for its data, one event at a
 * time, each behind its own savepoint, so that only the events it refuses are left out.
 */
async function insertOrRefuse(tx: Tx, terminalId: string, events: UploadEvent[], receivedAt: Date): Promise<{ stored: Inserted; refused: RefusedEvent[] }> {
  const all = await inSavepoint(tx, () => insertEvents(tx, terminalId, events, receivedAt));
  if (all.ok) return { stored: all.value, refused: [] };
  const stored: Inserted = [];
  const refused: RefusedEvent[] = [];
  for (const e of events) {
    const one = events.length === 1 ? all : await inSavepoint(tx, () => insertEvents(tx, terminalId, [e], receivedAt));
    if (one.ok) stored.push(...one.value);
    else refused.push({ deviceSeq: e.deviceSeq, code: EVENT_UNSTORABLE, reason: failureReason(one.error) });
  }
  return { stored, refused };
}

/**
 * Stores a terminal's uploaded events and answers its cumulative acknowledgement, in one
 * transaction. A re-sent event inserts nothing (ON CONFLICT DO NOTHING); an event that arrives
 * before the one below it is stored but not acknowledged past the gap. The terminal's event_acks
 * row is locked first, so two uploads from one terminal advance it one after the other, and only
 * seqs above the last acknowledgement are looked at. `apply` sees each event once: a re-sent one is
 * not stored again, so it is not handed over again. An event the database refuses for its data (a
 * NUL PostgreSQL cannot store, say) is left out and answered in `refused`; the rest of the batch is
 * stored as usual, and the terminal dead-letters the refused one, so it holds nothing back. So is an
 * event whose type the terminal's roles do not produce (EVENT_PRODUCERS): a hall TV's rating is
 * neither stored nor applied.
 */
export async function storeEvents(db: ServerDb, terminalId: string, req: UploadRequest, now: number, apply?: ApplyStored): Promise<UploadResponse> {
  const receivedAt = new Date(now);
  return db.transaction().execute(async (tx) => {
    await tx.insertInto('event_acks').values({ terminal_id: terminalId, acked_through: 0 }).onConflict((oc) => oc.doNothing()).execute();
    const { acked_through } = await tx
      .selectFrom('event_acks')
      .select('acked_through')
      .where('terminal_id', '=', terminalId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const acked = Number(acked_through);

    const { roles } = await tx.selectFrom('terminals').select('roles').where('id', '=', terminalId).executeTakeFirstOrThrow();
    const notProduced: RefusedEvent[] = [];
    const fresh = req.events.filter((e) => {
      if (e.deviceSeq <= acked) return false;
      const reason = eventRefusalFor(e.type, roles);
      if (reason) notProduced.push({ deviceSeq: e.deviceSeq, code: EVENT_NOT_PRODUCED, reason });
      return !reason;
    });
    const { stored, refused } = fresh.length ? await insertOrRefuse(tx, terminalId, fresh, receivedAt) : { stored: [], refused: [] };
    refused.push(...notProduced);
    if (apply && stored.length) {
      stored.sort((a, b) => Number(a.device_seq) - Number(b.device_seq));
      await apply(tx, stored.map((r) => ({ terminalId, deviceSeq: Number(r.device_seq), eventId: r.event_id, type: r.type, payload: r.payload })));
    }
    const skipped = [...new Set(req.skipped.filter((s) => s > acked))];
    if (skipped.length) {
      await tx
        .insertInto('event_skips')
        .values(skipped.map((s) => ({ terminal_id: terminalId, device_seq: s, received_at: receivedAt })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    // The end of the run of held seqs that starts right after the acknowledgement, if there is one.
    const { rows } = await sql<{ through: string | number | null }>`
      WITH held AS (
        SELECT device_seq FROM events WHERE terminal_id = ${terminalId} AND device_seq > ${acked}
        UNION ALL
        SELECT device_seq FROM event_skips WHERE terminal_id = ${terminalId} AND device_seq > ${acked}
      )
      SELECT CASE WHEN EXISTS (SELECT 1 FROM held WHERE device_seq = ${acked + 1})
        THEN (SELECT min(h.device_seq) FROM held h WHERE NOT EXISTS (SELECT 1 FROM held n WHERE n.device_seq = h.device_seq + 1))
      END AS through`.execute(tx);
    const through = rows[0]?.through == null ? acked : Number(rows[0].through);
    if (through > acked) await tx.updateTable('event_acks').set({ acked_through: through }).where('terminal_id', '=', terminalId).execute();
    return { ackedThrough: through, refused };
  });
}

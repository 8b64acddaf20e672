import { sql, type Transaction } from 'kysely';
import type { UploadRequest } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';

/** An event stored by this upload for the first time. */
export interface NewlyStored {
  eventId: string;
  type: string;
  payload: unknown;
}

/** Runs in the upload's transaction with the events it stored for the first time, in device_seq order. */
export type ApplyStored = (tx: Transaction<ServerSchema>, events: NewlyStored[]) => Promise<void>;

/**
 * Stores a terminal's uploaded events and answers its cumulative acknowledgement, in one
 * transaction. A re-sent event inserts nothing (ON CONFLICT DO NOTHING); an event that arrives
 * before the one below it is stored but not acknowledged past the gap. The terminal's event_acks
 * row is locked first, so two uploads from one terminal advance it one after the other, and only
 * seqs above the last acknowledgement are looked at. `apply` (the queue) sees each event once: a re-sent
 * one is not stored again, so it is not handed over again.
 */
export async function storeEvents(db: ServerDb, terminalId: string, req: UploadRequest, now: number, apply?: ApplyStored): Promise<number> {
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

    const fresh = req.events.filter((e) => e.deviceSeq > acked);
    if (fresh.length) {
      const stored = await tx
        .insertInto('events')
        .values(
          fresh.map((e) => ({
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
      if (apply && stored.length) {
        stored.sort((a, b) => Number(a.device_seq) - Number(b.device_seq));
        await apply(tx, stored.map((r) => ({ eventId: r.event_id, type: r.type, payload: r.payload })));
      }
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
    return through;
  });
}

/** Several appliers over the same newly stored events, one after the other in the upload's transaction. */
export function applyAll(...appliers: ApplyStored[]): ApplyStored {
  return async (tx, events) => {
    for (const apply of appliers) await apply(tx, events);
  };
}

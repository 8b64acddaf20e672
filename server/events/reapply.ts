import type { ServerDb } from '../db/connection.js';
import { applyEvent, settleAll, type EventApplier } from './apply.js';
import { recordFailure, resolveFailure } from './failures.js';

export interface Reapplied {
  eventId: string;
  terminalId: string;
  deviceSeq: number;
  type: string;
  /** Null: it applied and left the list; else why it still fails (kept in the list with this reason). */
  reason: string | null;
}

/**
 * Tries every unresolved failed event once more, after a fix, each in its own transaction and in
 * the order its terminal wrote them. The failure's row is locked and must still be unresolved, so
 * an event is applied exactly once even when two runs overlap; one that applies is marked resolved
 * in the same transaction. Pushes to the halls go out once each transaction has committed.
 */
export async function reapplyFailedEvents(db: ServerDb, appliers: readonly EventApplier[], now: () => Date): Promise<Reapplied[]> {
  const open = await db
    .selectFrom('failed_events')
    .select('event_id')
    .where('resolved_at', 'is', null)
    .orderBy('terminal_id')
    .orderBy('device_seq')
    .execute();
  const done: Reapplied[] = [];
  for (const { event_id } of open) {
    const committed: (() => void)[] = [];
    const outcome = await db.transaction().execute(async (tx) => {
      const failed = await tx.selectFrom('failed_events').select('event_id').where('event_id', '=', event_id).where('resolved_at', 'is', null).forUpdate().skipLocked().executeTakeFirst();
      if (!failed) return null;
      const row = await tx
        .selectFrom('events as e')
        .innerJoin('terminals as t', 't.id', 'e.terminal_id')
        .select(['e.terminal_id', 'e.device_seq', 'e.event_id', 'e.type', 'e.payload', 't.hall'])
        .where('e.event_id', '=', event_id)
        .executeTakeFirstOrThrow();
      const event = { terminalId: row.terminal_id, deviceSeq: Number(row.device_seq), eventId: row.event_id, type: row.type, payload: row.payload };
      const at = now();
      const ctx = { terminal: { id: row.terminal_id, hall: row.hall }, now: at, afterCommit: (fn: () => void) => committed.push(fn) };
      const reason = await applyEvent(tx, event, appliers, ctx);
      if (reason === null) await resolveFailure(tx, event.eventId, at);
      else await recordFailure(tx, event, reason, at);
      await settleAll(tx, appliers, ctx);
      return { eventId: event.eventId, terminalId: event.terminalId, deviceSeq: event.deviceSeq, type: event.type, reason };
    });
    if (!outcome) continue;
    for (const fn of committed) fn();
    done.push(outcome);
  }
  return done;
}

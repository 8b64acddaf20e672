import type { Transaction } from 'kysely';
import type { ServerDb } from '../db/connection.js';
import type { ServerSchema } from '../db/schema.js';

type Tx = Transaction<ServerSchema>;

/** What `recordFailure` needs of an event: which one it is, never its payload. */
export interface FailedRef {
  terminalId: string;
  deviceSeq: number;
  eventId: string;
  type: string;
}

/** An uploaded event that could not be applied and is not yet resolved. */
export interface FailedEvent extends FailedRef {
  terminalName: string;
  reason: string;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

/** Records that an event could not be applied, or that it failed once more (with its new reason). */
export async function recordFailure(tx: Tx, e: FailedRef, reason: string, now: Date): Promise<void> {
  await tx
    .insertInto('failed_events')
    .values({ event_id: e.eventId, terminal_id: e.terminalId, device_seq: e.deviceSeq, type: e.type, reason, first_failed_at: now, last_failed_at: now })
    .onConflict((oc) => oc.column('event_id').doUpdateSet((eb) => ({ reason, attempts: eb('failed_events.attempts', '+', 1), last_failed_at: now, resolved_at: null })))
    .execute();
}

/** The event applied after all: it leaves the list, its record stays. */
export async function resolveFailure(tx: Tx, eventId: string, now: Date): Promise<void> {
  await tx.updateTable('failed_events').set({ resolved_at: now }).where('event_id', '=', eventId).execute();
}

/** Unresolved failures, by terminal and in the order the terminal wrote them. */
export async function openFailures(db: ServerDb): Promise<FailedEvent[]> {
  const rows = await db
    .selectFrom('failed_events as f')
    .innerJoin('terminals as t', 't.id', 'f.terminal_id')
    .select(['f.event_id', 'f.terminal_id', 't.name', 'f.device_seq', 'f.type', 'f.reason', 'f.attempts', 'f.first_failed_at', 'f.last_failed_at'])
    .where('f.resolved_at', 'is', null)
    .orderBy('f.terminal_id')
    .orderBy('f.device_seq')
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    terminalId: r.terminal_id,
    terminalName: r.name,
    deviceSeq: Number(r.device_seq),
    type: r.type,
    reason: r.reason,
    attempts: r.attempts,
    firstFailedAt: r.first_failed_at.toISOString(),
    lastFailedAt: r.last_failed_at.toISOString(),
  }));
}

/** Unresolved failures per terminal id (terminals without any are absent). */
export async function openFailureCounts(db: ServerDb): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('failed_events')
    .select(['terminal_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('resolved_at', 'is', null)
    .groupBy('terminal_id')
    .execute();
  return new Map(rows.map((r) => [r.terminal_id, Number(r.n)]));
}

/** How many uploaded events could not be applied and wait for a fix: what the supervision pages show. */
export async function openFailureCount(db: ServerDb): Promise<number> {
  const row = await db.selectFrom('failed_events').select((eb) => eb.fn.countAll<string>().as('n')).where('resolved_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

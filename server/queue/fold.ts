import { resolveTicket, type LoggedStep } from '../../core/common/queue-reconcile.js';
import { QueueAction, type QueueConflict, type Ticket } from '../../core/contract/index.js';
import { ticketChange, toTicket, type Trx } from './tickets.js';

export interface Folded {
  ticket: Ticket;
  /** The ticket's state moved (a push to the hall is due). */
  changed: boolean;
  applied: Set<string>;
  /** Conflicts found by this fold that were not recorded before. */
  conflicts: QueueConflict[];
}

const same = (a: Ticket, b: Ticket) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Recomputes a ticket from every action that counts for it (core/common/queue-reconcile), stores
 * the result, each action's outcome, and the conflicts not recorded yet. Locks the ticket's row.
 */
export async function refold(trx: Trx, ticketId: string, now: Date): Promise<Folded> {
  const row = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).forUpdate().executeTakeFirstOrThrow();
  const logged = await trx.selectFrom('queue_actions').select(['action_id', 'payload', 'at']).where('ticket_id', '=', ticketId).where('counts', '=', true).execute();
  const steps: LoggedStep[] = logged.map((l) => {
    const a = QueueAction.parse(l.payload);
    return { actionId: l.action_id, action: a.action, counterNo: a.counterNo, staffNumber: a.staffNumber, toService: a.toService, at: (l.at ?? new Date(a.at)).toISOString() };
  });
  const closed = await trx.selectFrom('queue_days').select('closed_at').where('hall', '=', row.hall).where('day', '=', row.day).executeTakeFirst();
  const before = toTicket(row);
  const base: Ticket = { ...before, state: 'waiting', service: row.issued_service, counterNo: null, calledAt: null, calledBy: null, callCount: 0, finishedAt: null };
  const r = resolveTicket(base, steps, closed?.closed_at.toISOString() ?? null);
  const changed = !same(before, r.ticket);
  const ticket = changed ? toTicket(await trx.updateTable('tickets').set(ticketChange(r.ticket)).where('id', '=', ticketId).returningAll().executeTakeFirstOrThrow()) : before;
  for (const outcome of ['applied', 'conflict'] as const) {
    const ids = steps.map((s) => s.actionId).filter((id) => r.applied.has(id) === (outcome === 'applied'));
    if (ids.length) await trx.updateTable('queue_actions').set({ outcome }).where('action_id', 'in', ids).execute();
  }
  const conflicts: QueueConflict[] = [];
  for (const c of r.conflicts) {
    const inserted = await trx
      .insertInto('queue_conflicts')
      .values({ id: c.id, hall: row.hall, day: row.day, ticket_id: ticketId, number: row.number, kind: c.kind, kept_counter: c.keptCounter, lost_counter: c.lostCounter, lost_at: new Date(c.lostAt), detected_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) conflicts.push(toConflict(inserted));
  }
  return { ticket, changed, applied: r.applied, conflicts };
}

export function toConflict(r: { id: string; hall: string; ticket_id: string; number: string; kind: QueueConflict['kind']; kept_counter: number; lost_counter: number; lost_at: Date; detected_at: Date }): QueueConflict {
  return { id: r.id, hall: r.hall, ticketId: r.ticket_id, number: r.number, kind: r.kind, keptCounter: r.kept_counter, lostCounter: r.lost_counter, lostAt: r.lost_at.toISOString(), detectedAt: r.detected_at.toISOString() };
}

/** Offline calls of this ticket's number that arrived before the ticket did now count for it. */
export async function attachPending(trx: Trx, t: { id: string; hall: string; day: string; number: string }): Promise<number> {
  const rows = await trx
    .updateTable('queue_actions')
    .set({ ticket_id: t.id, counts: true, outcome: 'applied' })
    .where('hall', '=', t.hall)
    .where('day', '=', t.day)
    .where('number', '=', t.number)
    .where('outcome', '=', 'pending')
    .returning('action_id')
    .execute();
  return rows.length;
}

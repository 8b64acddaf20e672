import { resolveTicket, type LoggedStep } from '../../core/common/queue-reconcile.js';
import { QueueAction, type QueueConflict, type Ticket } from '../../core/contract/index.js';
import { toConflict } from './conflicts.js';
import { ticketChange, toTicket, type TicketRow, type Trx } from './tickets.js';

export interface Folded {
  ticket: Ticket;
  /** The ticket's state moved (a push to the hall is due). */
  changed: boolean;
  applied: Set<string>;
  /** Conflicts this fold found or changed (new, or another counter now keeps the ticket). */
  conflicts: QueueConflict[];
  /** Ids of conflicts recorded before that this fold no longer finds. */
  withdrawn: string[];
}

const same = (a: Ticket, b: Ticket) => JSON.stringify(a) === JSON.stringify(b);

/** A stored action as the fold takes it: the time it counts at is the stored one. */
export function loggedStep(l: { action_id: string; payload: unknown; at: Date | null }): LoggedStep {
  const a = QueueAction.parse(l.payload);
  return { actionId: l.action_id, action: a.action, counterNo: a.counterNo, staffNumber: a.staffNumber, toService: a.toService, at: (l.at ?? new Date(a.at)).toISOString() };
}

/** The ticket as issued, never called, in its first line: where the fold starts. */
export function issuedBase(row: TicketRow): Ticket {
  return { ...toTicket(row), state: 'waiting', service: row.issued_service, counterNo: null, calledAt: null, calledBy: null, callCount: 0, finishedAt: null };
}

/**
 * Recomputes a ticket from every action that counts for it (core/common/queue-reconcile), stores
 * the result, each action's outcome, and the conflicts not recorded yet. Locks the ticket's row.
 */
export async function refold(trx: Trx, ticketId: string, now: Date): Promise<Folded> {
  const row = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).forUpdate().executeTakeFirstOrThrow();
  const logged = await trx.selectFrom('queue_actions').select(['action_id', 'payload', 'at']).where('ticket_id', '=', ticketId).where('counts', '=', true).execute();
  const steps = logged.map(loggedStep);
  const closed = await trx.selectFrom('queue_days').select('closed_at').where('hall', '=', row.hall).where('day', '=', row.day).executeTakeFirst();
  const before = toTicket(row);
  const r = resolveTicket(issuedBase(row), steps, closed?.closed_at.toISOString() ?? null);
  const changed = !same(before, r.ticket);
  const ticket = changed ? toTicket(await trx.updateTable('tickets').set(ticketChange(r.ticket)).where('id', '=', ticketId).returningAll().executeTakeFirstOrThrow()) : before;
  for (const outcome of ['applied', 'conflict'] as const) {
    const ids = steps.map((s) => s.actionId).filter((id) => r.applied.has(id) === (outcome === 'applied'));
    if (ids.length) await trx.updateTable('queue_actions').set({ outcome }).where('action_id', 'in', ids).execute();
  }
  // A later upload can change who keeps the ticket: a conflict's kind and winner follow the fold, one row per set-aside call.
  const ids = r.conflicts.map((c) => c.id);
  let stale = trx.deleteFrom('queue_conflicts').where('ticket_id', '=', ticketId);
  if (ids.length) stale = stale.where('id', 'not in', ids);
  const withdrawn = (await stale.returning('id').execute()).map((r) => r.id);
  const conflicts: QueueConflict[] = [];
  for (const c of r.conflicts) {
    const upserted = await trx
      .insertInto('queue_conflicts')
      .values({ id: c.id, hall: row.hall, day: row.day, ticket_id: ticketId, number: row.number, kind: c.kind, kept_counter: c.keptCounter, lost_counter: c.lostCounter, lost_at: new Date(c.lostAt), detected_at: now })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), kept_counter: eb.ref('excluded.kept_counter') }))
          .where((eb) => eb.or([eb('queue_conflicts.kind', '<>', eb.ref('excluded.kind')), eb('queue_conflicts.kept_counter', '<>', eb.ref('excluded.kept_counter'))])),
      )
      .returningAll()
      .executeTakeFirst();
    if (upserted) conflicts.push(toConflict(upserted));
  }
  return { ticket, changed, applied: r.applied, conflicts, withdrawn };
}

/**
 * Offline calls of this ticket's number that arrived before the ticket did now count for it, and so
 * does whatever else was done under the same placeholder id.
 */
export async function attachPending(trx: Trx, t: { id: string; hall: string; day: string; number: string }): Promise<number> {
  const attach = trx.updateTable('queue_actions').set({ ticket_id: t.id, counts: true, outcome: 'applied' }).where('hall', '=', t.hall).where('outcome', '=', 'pending');
  const byNumber = await attach.where('day', '=', t.day).where('number', '=', t.number).returning('named_id').execute();
  const named = [...new Set(byNumber.map((r) => r.named_id).filter((id): id is string => id !== null))];
  const byAlias = named.length ? await attach.where('named_id', 'in', named).returning('action_id').execute() : [];
  return byNumber.length + byAlias.length;
}

import { sql } from 'kysely';
import type { QueueAction, Ticket } from '../../core/contract/index.js';
import { hallDay } from '../../core/common/hall-time.js';
import { LIVE_ORDER, toTicket, type TicketRow, type Trx } from './tickets.js';

export type ActionOutcome =
  | { outcome: 'applied'; ticket: Ticket }
  /** call-next with nobody waiting. */
  | { outcome: 'none'; ticket: null }
  /** The ticket is not in a state for the action: nothing changed. */
  | { outcome: 'conflict'; ticket: Ticket }
  | { outcome: 'not-found'; ticket: null };

export interface AppliedAction {
  /** The actionId was seen before: nothing changed, the outcome is the first one's with the ticket as now. */
  repeat: boolean;
  result: ActionOutcome;
}

async function lockTicket(trx: Trx, hall: string, a: QueueAction, day: string): Promise<TicketRow | undefined> {
  let q = trx.selectFrom('tickets').selectAll().where('hall', '=', hall);
  q = a.ticketId ? q.where('id', '=', a.ticketId) : q.where('day', '=', day).where('number', '=', a.number ?? '');
  return q.forUpdate().executeTakeFirst();
}

/** call-next: the first waiting ticket of the named lines; SKIP LOCKED so two counters never take the same one. */
async function callNext(trx: Trx, hall: string, a: QueueAction, day: string, at: Date): Promise<TicketRow | undefined> {
  if (!a.services.length) return undefined;
  return trx
    .updateTable('tickets')
    .set((eb) => ({ state: 'called', counter_no: a.counterNo, called_at: at, called_by: a.staffNumber, call_count: eb('call_count', '+', 1) }))
    .where(
      'id',
      '=',
      trx
        .selectFrom('tickets')
        .select('id')
        .where('hall', '=', hall)
        .where('day', '=', day)
        .where('state', '=', 'waiting')
        .where('service', 'in', a.services)
        .orderBy(LIVE_ORDER)
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

type Change = Partial<Omit<TicketRow, 'arrival' | 'id' | 'call_count'>> & { call_count?: ReturnType<typeof sql<number>> };

/** The change an action makes to a ticket, or null when the ticket is not in a state for it. */
function transition(t: TicketRow, a: QueueAction, at: Date): Change | null {
  const held = t.state === 'called' && t.counter_no === a.counterNo;
  switch (a.action) {
    case 'call':
      if (t.state !== 'waiting' && t.state !== 'parked') return null;
      return { state: 'called', counter_no: a.counterNo, called_at: at, called_by: a.staffNumber, call_count: sql<number>`call_count + 1` };
    case 'recall':
      return held ? { called_at: at, call_count: sql<number>`call_count + 1` } : null;
    case 'transfer':
      return held && a.toService ? { state: 'waiting', service: a.toService, counter_no: null } : null;
    case 'park':
      return held ? { state: 'parked' } : null;
    case 'no-show':
      return held ? { state: 'no-show', finished_at: at } : null;
    case 'finish':
      return held ? { state: 'done', finished_at: at } : null;
    case 'call-next':
      return null;
  }
}

/**
 * Applies a counter's action once per actionId, in the caller's transaction. `at` is when it counts
 * as done (the server's clock for the API, the terminal's for an offline action) and picks the day a
 * ticket number belongs to. Every outcome is recorded, so a repeated actionId changes nothing.
 */
export async function applyAction(trx: Trx, hall: string, a: QueueAction, source: 'api' | 'event', at: Date, receivedAt: Date, timeZone: string): Promise<AppliedAction> {
  const fresh = await trx
    .insertInto('queue_actions')
    .values({ action_id: a.actionId, hall, action: a.action, ticket_id: a.ticketId, outcome: 'none', source, payload: JSON.stringify(a), received_at: receivedAt })
    .onConflict((oc) => oc.column('action_id').doNothing())
    .returning('action_id')
    .executeTakeFirst();
  if (!fresh) {
    const first = await trx.selectFrom('queue_actions').select(['outcome', 'ticket_id']).where('action_id', '=', a.actionId).executeTakeFirstOrThrow();
    const t = first.ticket_id ? await trx.selectFrom('tickets').selectAll().where('id', '=', first.ticket_id).executeTakeFirst() : undefined;
    const result = (t ? { outcome: first.outcome, ticket: toTicket(t) } : { outcome: first.outcome === 'none' ? 'none' : 'not-found', ticket: null }) as ActionOutcome;
    return { repeat: true, result };
  }

  const day = hallDay(at, timeZone);
  let result: ActionOutcome;
  if (a.action === 'call-next') {
    const t = await callNext(trx, hall, a, day, at);
    result = t ? { outcome: 'applied', ticket: toTicket(t) } : { outcome: 'none', ticket: null };
  } else {
    const t = await lockTicket(trx, hall, a, day);
    const change = t && transition(t, a, at);
    if (!t) result = { outcome: 'not-found', ticket: null };
    else if (!change) result = { outcome: 'conflict', ticket: toTicket(t) };
    else {
      const updated = await trx.updateTable('tickets').set(change).where('id', '=', t.id).returningAll().executeTakeFirstOrThrow();
      result = { outcome: 'applied', ticket: toTicket(updated) };
    }
  }
  await trx
    .updateTable('queue_actions')
    .set({ outcome: result.outcome, ticket_id: result.ticket?.id ?? a.ticketId })
    .where('action_id', '=', a.actionId)
    .execute();
  return { repeat: false, result };
}

import { sql } from 'kysely';
import { hallDay } from '../../core/common/hall-time.js';
import { applyStep, servingAt, type StepRefusal } from '../../core/common/queue-rules.js';
import type { QueueAction, Ticket } from '../../core/contract/index.js';
import { lockFirstWaiting, ticketChange, toTicket, type TicketRow, type Trx } from './tickets.js';

export type ActionOutcome =
  | { outcome: 'applied'; ticket: Ticket }
  /** call-next with nobody waiting. */
  | { outcome: 'none'; ticket: null }
  /** The ticket is not in a state for the action: nothing changed. */
  | { outcome: 'conflict'; ticket: Ticket }
  /** The counter still serves another ticket (see applyStep): nothing changed. */
  | { outcome: 'busy'; ticket: null }
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

/** The first waiting ticket of the named lines in serving order; two counters never take the same one. */
async function firstWaiting(trx: Trx, hall: string, a: QueueAction, day: string): Promise<TicketRow | undefined> {
  return lockFirstWaiting(trx, hall, day, a.services);
}

/** The ticket this counter serves today. Calls from one counter wait for each other, so it never holds two. */
async function serving(trx: Trx, hall: string, a: QueueAction, day: string): Promise<TicketRow | null> {
  if (a.action === 'call' || a.action === 'call-next') await sql`SELECT pg_advisory_xact_lock(hashtext(${hall}), ${a.counterNo})`.execute(trx);
  const called = await trx.selectFrom('tickets').selectAll().where('hall', '=', hall).where('day', '=', day).where('state', '=', 'called').execute();
  return servingAt(called.map((r) => ({ ...r, counterNo: r.counter_no })), a.counterNo);
}

const OUTCOME: Record<StepRefusal, ActionOutcome['outcome']> = { 'counter-busy': 'busy', conflict: 'conflict', 'nobody-waiting': 'none', 'not-found': 'not-found' };

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
  const busyWith = await serving(trx, hall, a, day);
  // A busy counter takes no candidate: its lock would make another counter's SKIP LOCKED pass the ticket by.
  const next = () => (busyWith ? undefined : firstWaiting(trx, hall, a, day));
  const row = a.action === 'call-next' ? await next() : await lockTicket(trx, hall, a, day);
  const step = applyStep(row ? toTicket(row) : null, { ...a, at: at.toISOString() }, busyWith);
  let result: ActionOutcome;
  if (step.ok) {
    const updated = await trx.updateTable('tickets').set(ticketChange(step.ticket)).where('id', '=', step.ticket.id).returningAll().executeTakeFirstOrThrow();
    result = { outcome: 'applied', ticket: toTicket(updated) };
  } else if (step.refused === 'conflict') result = { outcome: 'conflict', ticket: toTicket(row!) };
  else result = { outcome: OUTCOME[step.refused], ticket: null } as ActionOutcome;
  await trx
    .updateTable('queue_actions')
    // A busy counter's refusal is stored as a conflict: the action met a queue it did not expect.
    .set({ outcome: result.outcome === 'busy' ? 'conflict' : result.outcome, ticket_id: result.ticket?.id ?? a.ticketId })
    .where('action_id', '=', a.actionId)
    .execute();
  return { repeat: false, result };
}

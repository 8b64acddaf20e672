import { sql } from 'kysely';
import { hallDay } from '../../core/common/hall-time.js';
import { applyStep, servingAt, type StepRefusal } from '../../core/common/queue-rules.js';
import type { QueueAction, QueueHallEvent, Ticket } from '../../core/contract/index.js';
import { refold, type Folded } from './fold.js';
import { lockFirstWaiting, toTicket, type TicketRow, type Trx } from './tickets.js';

export type ActionOutcome =
  | { outcome: 'applied'; ticket: Ticket }
  /** call-next with nobody waiting. */
  | { outcome: 'none'; ticket: null }
  /** The ticket is not in a state for the action, or the action was set aside in a conflict. */
  | { outcome: 'conflict'; ticket: Ticket }
  /** The counter still serves another ticket (see applyStep): nothing changed. */
  | { outcome: 'busy'; ticket: null }
  | { outcome: 'not-found'; ticket: null }
  /** An offline action on a number the server does not know yet: it counts once that ticket arrives. */
  | { outcome: 'pending'; ticket: null };

export interface AppliedAction {
  /** The actionId was seen before: nothing changed, the outcome is the first one's with the ticket as now. */
  repeat: boolean;
  result: ActionOutcome;
  /** What the hall must hear: the ticket when it moved, and conflicts found on the way. */
  push: QueueHallEvent[];
}

/**
 * The ticket named by id, else by number on the action's day: a number typed in offline gets a
 * placeholder id at the terminal, and the number is what it shares with the real ticket. Once one
 * action under a placeholder id has found its ticket, the others under that id find the same one,
 * whatever day they were taken on (a service that ran past midnight).
 */
async function lockTicket(trx: Trx, hall: string, a: QueueAction, day: string): Promise<TicketRow | undefined> {
  const q = trx.selectFrom('tickets').selectAll().where('hall', '=', hall);
  if (a.ticketId) {
    const byId = await q.where('id', '=', a.ticketId).forUpdate().executeTakeFirst();
    if (byId) return byId;
    const alias = await trx
      .selectFrom('queue_actions')
      .select('ticket_id')
      .where('hall', '=', hall)
      .where('named_id', '=', a.ticketId)
      .where('ticket_id', 'is not', null)
      .where('ticket_id', '<>', a.ticketId)
      .executeTakeFirst();
    if (alias?.ticket_id) return q.where('id', '=', alias.ticket_id).forUpdate().executeTakeFirst();
  }
  return a.number ? q.where('day', '=', day).where('number', '=', a.number).forUpdate().executeTakeFirst() : undefined;
}

/** The first waiting ticket of the named lines in serving order; two counters never take the same one. */
async function firstWaiting(trx: Trx, hall: string, a: QueueAction, day: string): Promise<TicketRow | undefined> {
  return lockFirstWaiting(trx, hall, day, a.services);
}

/**
 * The ticket this counter serves, of whatever day (a service begun before midnight goes on after
 * it). Calls from one counter wait for each other, so it never holds two.
 */
async function serving(trx: Trx, hall: string, a: QueueAction): Promise<TicketRow | null> {
  if (a.action === 'call' || a.action === 'call-next') await sql`SELECT pg_advisory_xact_lock(hashtext(${hall}), ${a.counterNo})`.execute(trx);
  const called = await trx.selectFrom('tickets').selectAll().where('hall', '=', hall).where('counter_no', '=', a.counterNo).where('state', '=', 'called').execute();
  return servingAt(called.map((r) => ({ ...r, counterNo: r.counter_no })), a.counterNo);
}

const OUTCOME: Record<StepRefusal, ActionOutcome['outcome']> = { 'counter-busy': 'busy', conflict: 'conflict', 'nobody-waiting': 'none', 'not-found': 'not-found' };

type Stored = Exclude<ActionOutcome['outcome'], 'busy'>;

/**
 * Applies a counter's action once per actionId, in the caller's transaction. `at` is when it counts
 * (the server's clock for the API, the terminal's corrected clock for an offline action) and picks
 * the day a ticket number belongs to. Every outcome is recorded, so a repeated actionId changes nothing.
 *
 * From the API the action must fit the queue as it stands (a busy counter calls nobody). An uploaded
 * offline action is a fact, "counter 2 called ticket X at t": it joins its ticket's actions and the
 * ticket is folded again (./fold.ts), which settles conflicts with what other counters did meanwhile.
 */
export async function applyAction(trx: Trx, hall: string, a: QueueAction, source: 'api' | 'event', at: Date, receivedAt: Date, timeZone: string, confirmed = false): Promise<AppliedAction> {
  const day = hallDay(at, timeZone);
  const fresh = await trx
    .insertInto('queue_actions')
    .values({ action_id: a.actionId, hall, action: a.action, ticket_id: a.ticketId, outcome: 'none', source, payload: JSON.stringify(a), received_at: receivedAt, counter_no: a.counterNo, at, number: a.number, day, named_id: a.ticketId, confirmed })
    .onConflict((oc) => oc.column('action_id').doNothing())
    .returning('action_id')
    .executeTakeFirst();
  if (!fresh) {
    const first = await trx.selectFrom('queue_actions').select(['outcome', 'ticket_id']).where('action_id', '=', a.actionId).executeTakeFirstOrThrow();
    const t = first.ticket_id ? await trx.selectFrom('tickets').selectAll().where('id', '=', first.ticket_id).executeTakeFirst() : undefined;
    const result = (t ? { outcome: first.outcome, ticket: toTicket(t) } : { outcome: first.outcome === 'none' || first.outcome === 'pending' ? first.outcome : 'not-found', ticket: null }) as ActionOutcome;
    return { repeat: true, result, push: [] };
  }
  const record = (outcome: Stored, ticketId: string | null, counts = false) =>
    trx.updateTable('queue_actions').set({ outcome, ticket_id: ticketId, counts }).where('action_id', '=', a.actionId).execute();

  let row: TicketRow | undefined;
  if (source === 'event' && a.action === 'call-next' && !a.ticketId) {
    // Offline, "next" found nobody: the terminal called no one, so neither does the server.
    await record('none', null);
    return { repeat: false, result: { outcome: 'none', ticket: null }, push: [] };
  }
  if (source === 'api') {
    const busyWith = await serving(trx, hall, a);
    // A busy counter takes no candidate: its lock would make another counter's SKIP LOCKED pass the ticket by.
    row = a.action === 'call-next' ? (busyWith ? undefined : await firstWaiting(trx, hall, a, day)) : await lockTicket(trx, hall, a, day);
    const step = applyStep(row ? toTicket(row) : null, { ...a, at: at.toISOString() }, busyWith);
    if (!step.ok) {
      const outcome = OUTCOME[step.refused];
      // A busy counter's refusal is stored as a conflict: the action met a queue it did not expect.
      await record(outcome === 'busy' ? 'conflict' : (outcome as Stored), row?.id ?? a.ticketId);
      const result = (step.refused === 'conflict' ? { outcome: 'conflict', ticket: toTicket(row!) } : { outcome, ticket: null }) as ActionOutcome;
      return { repeat: false, result, push: [] };
    }
  } else {
    row = await lockTicket(trx, hall, a, day);
    if (!row) {
      await record(a.number ? 'pending' : 'not-found', null);
      return { repeat: false, result: a.number ? { outcome: 'pending', ticket: null } : { outcome: 'not-found', ticket: null }, push: [] };
    }
  }
  await record('applied', row!.id, true);
  const folded = await refold(trx, row!.id, receivedAt);
  const push = pushesOf(folded);
  const result: ActionOutcome = folded.applied.has(a.actionId) ? { outcome: 'applied', ticket: folded.ticket } : { outcome: 'conflict', ticket: folded.ticket };
  return { repeat: false, result, push };
}

/** A fold's news for the hall: the ticket when it moved or its conflicts changed, then the conflicts withdrawn and found. */
export function pushesOf(f: Folded): QueueHallEvent[] {
  const push: QueueHallEvent[] = f.changed || f.conflicts.length || f.withdrawn.length ? [{ kind: 'ticket', ticket: f.ticket }] : [];
  return [...push, ...f.withdrawn.map((id) => ({ kind: 'conflict-withdrawn' as const, id })), ...f.conflicts.map((conflict) => ({ kind: 'conflict' as const, conflict }))];
}

import type { QueueAction, Ticket } from '../contract/queue.js';

/**
 * The hall queue's rules: what a counter's action does to a ticket. The central server applies them
 * to its tickets, a terminal to its replica when the server does not answer; nowhere else.
 */

export type ActionStep = Pick<QueueAction, 'action' | 'counterNo' | 'staffNumber' | 'toService' | 'at'>;

/**
 * `counter-busy`: this counter still serves another visitor. A counter serves one at a time: it
 * finishes, marks no-show, parks or transfers that one before calling anyone, so no visitor is left
 * called at a counter that has moved on.
 * `conflict`: the ticket is not in a state for the action (called elsewhere, finished…).
 * `nobody-waiting`: call-next found no one; `not-found`: no such ticket.
 */
export type StepRefusal = 'counter-busy' | 'conflict' | 'nobody-waiting' | 'not-found';
export type StepResult = { ok: true; ticket: Ticket } | { ok: false; refused: StepRefusal };

type Ordered = Pick<Ticket, 'id' | 'appointmentId' | 'appointmentFlag' | 'issuedAt'>;

/** Whether a ticket goes ahead of walk-ins: an appointment checked in once and not cancelled. */
export const promoted = (t: Pick<Ticket, 'appointmentId' | 'appointmentFlag'>): boolean => t.appointmentId !== null && t.appointmentFlag === null;

/**
 * The order a line is served in, the same on the server and on every terminal's list: promoted
 * appointments first, then issue time (offline tickets carry the terminal's clock corrected by its
 * measured offset), then id so that ties fall the same way everywhere.
 */
export function queueOrder(a: Ordered, b: Ordered): number {
  return Number(promoted(b)) - Number(promoted(a)) || Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The ticket a counter is serving now: called there and not yet done. */
export function servingAt<T extends Pick<Ticket, 'state' | 'counterNo'>>(tickets: Iterable<T>, counterNo: number): T | null {
  for (const t of tickets) if (t.state === 'called' && t.counterNo === counterNo) return t;
  return null;
}

/**
 * `t`: the ticket acted on (for call-next the first waiting one of the counter's lines), null when
 * there is none. `serving`: what `servingAt` says of the acting counter before this action.
 */
export function applyStep(t: Ticket | null, a: ActionStep, serving: Pick<Ticket, 'id'> | null): StepResult {
  const calling = a.action === 'call' || a.action === 'call-next';
  if (calling && serving && serving.id !== t?.id) return { ok: false, refused: 'counter-busy' };
  if (!t) return { ok: false, refused: a.action === 'call-next' ? 'nobody-waiting' : 'not-found' };
  const held = t.state === 'called' && t.counterNo === a.counterNo;
  const to = (ticket: Ticket): StepResult => ({ ok: true, ticket });
  const conflict: StepResult = { ok: false, refused: 'conflict' };
  switch (a.action) {
    case 'call-next':
    case 'call':
      if (t.state !== 'waiting' && t.state !== 'parked') return conflict;
      return to({ ...t, state: 'called', counterNo: a.counterNo, calledAt: a.at, calledBy: a.staffNumber, callCount: t.callCount + 1 });
    case 'recall':
      return held ? to({ ...t, callCount: t.callCount + 1, calledAt: a.at }) : conflict;
    case 'transfer':
      // Back to waiting in the other line as if never called: no counter, no call time, no caller.
      return held && a.toService ? to({ ...t, state: 'waiting', service: a.toService, counterNo: null, calledAt: null, calledBy: null }) : conflict;
    case 'park':
      return held ? to({ ...t, state: 'parked' }) : conflict;
    case 'no-show':
      return held ? to({ ...t, state: 'no-show', finishedAt: a.at }) : conflict;
    case 'finish':
      return held ? to({ ...t, state: 'done', finishedAt: a.at }) : conflict;
  }
}

import type { ConflictKind, Ticket } from '../contract/queue.js';
import { applyStep, type ActionStep } from './queue-rules.js';

/**
 * How one ticket's actions reconcile when counters acted on it without knowing of each other
 * (offline). The ticket is the fold of every action known for it, taken in hall time, so the
 * outcome does not depend on the order in which the actions reached the server.
 *
 * The written rule: the first call in hall time keeps the ticket; a counter that served it (its
 * call ended in `finish`) keeps it over one that did not, so a served ticket never becomes a
 * no-show. The other counter's call and everything it did with the ticket after are set aside,
 * one conflict each.
 */

export interface LoggedStep extends ActionStep {
  actionId: string;
}

export interface Conflict {
  /** The set-aside call's actionId. */
  id: string;
  kind: ConflictKind;
  keptCounter: number;
  lostCounter: number;
  lostAt: string;
}

export interface Resolved {
  ticket: Ticket;
  /** Actions whose effect stands; the rest were refused or set aside. */
  applied: Set<string>;
  conflicts: Conflict[];
}

const CALLS = new Set(['call', 'call-next']);
const ENDS = new Set(['park', 'transfer', 'no-show', 'finish']);

/** One counter's hold of the ticket: its call, then what it did with it until it let go. */
interface Hold {
  counterNo: number;
  steps: LoggedStep[];
}

const byTime = (a: LoggedStep, b: LoggedStep) => Date.parse(a.at) - Date.parse(b.at) || (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0);
const served = (h: Hold) => h.steps.some((s) => s.action === 'finish');

function holdsOf(actions: LoggedStep[]): Hold[] {
  const open = new Map<number, Hold>();
  const holds: Hold[] = [];
  for (const a of [...actions].sort(byTime)) {
    let h = open.get(a.counterNo);
    if (!h || CALLS.has(a.action)) {
      h = { counterNo: a.counterNo, steps: [] };
      holds.push(h);
      open.set(a.counterNo, h);
    }
    h.steps.push(a);
    if (ENDS.has(a.action)) open.delete(a.counterNo);
  }
  return holds;
}

/**
 * `base`: the ticket as issued (waiting in its first line, never called). `closedAt`: when the
 * hall's day closed, if it has: what then still waits or is parked is `not-served`.
 */
export function resolveTicket(base: Ticket, actions: LoggedStep[], closedAt: string | null): Resolved {
  const holds = holdsOf(actions);
  // Holds that lost to a later call that served the ticket: out of every pass after.
  const evicted = new Map<Hold, Conflict>();
  const close: LoggedStep | null = closedAt ? { actionId: '', action: 'finish', counterNo: 0, staffNumber: '', toService: null, at: closedAt } : null;
  for (;;) {
    const lost = new Map(evicted);
    const timeline = holds.filter((h) => !evicted.has(h)).flatMap((h) => h.steps.map((step) => ({ step, hold: h })));
    if (close) timeline.push({ step: close, hold: { counterNo: 0, steps: [] } });
    timeline.sort((x, y) => byTime(x.step, y.step));
    let t = base;
    let holder: Hold | null = null;
    let closer: Hold | null = null;
    let dayClosed = false;
    let parkedAtClose: number | null = null;
    const applied = new Set<string>();
    const skipped = new Set<Hold>();
    let restart = false;
    for (const { step, hold } of timeline) {
      if (step === close) {
        dayClosed = true;
        if (t.state === 'parked') parkedAtClose = t.counterNo;
        if (t.state === 'waiting' || t.state === 'parked') t = { ...t, state: 'not-served', finishedAt: closedAt };
        continue;
      }
      // A visitor parked at the close who comes back is called back by that counter: served, not "not served".
      if (t.state === 'not-served' && CALLS.has(step.action) && step.counterNo === parkedAtClose) t = { ...t, state: 'parked', finishedAt: null };
      if (skipped.has(hold)) continue;
      const other: Hold | null = holder ?? closer;
      if (step === hold.steps[0] && CALLS.has(step.action) && other && other !== hold && other.counterNo !== hold.counterNo) {
        // Two counters hold the ticket at once, or one calls it after another closed it.
        const incumbentLoses = served(hold) && !served(other);
        const [kept, loser] = incumbentLoses ? [hold, other] : [other, hold];
        const conflict: Conflict = { id: loser.steps[0]!.actionId, kind: served(kept) ? 'served-elsewhere' : 'called-twice', keptCounter: kept.counterNo, lostCounter: loser.counterNo, lostAt: loser.steps[0]!.at };
        if (incumbentLoses) {
          evicted.set(loser, conflict);
          restart = true;
          break;
        }
        lost.set(loser, conflict);
        skipped.add(hold);
        continue;
      }
      const r = applyStep(t, step, null);
      if (!r.ok) continue;
      t = r.ticket;
      // Once the day has closed, a service that goes on ends with it: parked or sent to another line, it is not served today.
      if (dayClosed && (t.state === 'parked' || t.state === 'waiting')) {
        if (t.state === 'parked') parkedAtClose = t.counterNo;
        t = { ...t, state: 'not-served', finishedAt: step.at };
      }
      applied.add(step.actionId);
      if (CALLS.has(step.action)) holder = hold;
      if (step.action === 'park' || step.action === 'transfer') holder = null;
      if (step.action === 'no-show' || step.action === 'finish') [holder, closer] = [null, hold];
    }
    if (!restart) return { ticket: t, applied, conflicts: [...lost.values()].sort((a, b) => Date.parse(a.lostAt) - Date.parse(b.lostAt)) };
  }
}

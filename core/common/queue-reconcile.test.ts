import { describe, expect, it } from 'vitest';
import type { QueueActionName, Ticket } from '../contract/queue.js';
import { resolveTicket, type LoggedStep } from './queue-reconcile.js';

const base: Ticket = {
  id: '01JQ0000000000000000000001',
  hall: 'main',
  number: 'A001',
  service: 'A',
  state: 'waiting',
  appointmentId: null,
  enterprise: null,
  issuedAt: '2026-03-02T01:00:00.000Z',
  offline: false,
  counterNo: null,
  calledAt: null,
  calledBy: null,
  callCount: 0,
  finishedAt: null,
  appointmentFlag: null,
};

let n = 0;
const at = (min: number) => new Date(Date.parse('2026-03-02T01:00:00Z') + min * 60_000).toISOString();
const step = (counterNo: number, action: QueueActionName, min: number, toService: string | null = null): LoggedStep => ({
  actionId: `01JQ${String(++n).padStart(22, '0')}`,
  action,
  counterNo,
  staffNumber: `S-${counterNo}`,
  toService,
  at: at(min),
});

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('one ticket acted on by counters that did not know of each other', () => {
  it('two counters call it offline: the first call keeps it, the other is told once', () => {
    const r = resolveTicket(base, [step(2, 'call', 2), step(1, 'call', 1)], null);
    expect(r.ticket).toMatchObject({ state: 'called', counterNo: 1, calledBy: 'S-1', callCount: 1, calledAt: at(1) });
    expect(r.conflicts).toEqual([expect.objectContaining({ kind: 'called-twice', keptCounter: 1, lostCounter: 2, lostAt: at(2) })]);
  });

  it('a ticket served at one counter never becomes a no-show, whoever called first', () => {
    // Counter 1 called first, waited, marked no-show; counter 2 called later and served the visitor.
    const actions = [step(1, 'call', 1), step(1, 'no-show', 4), step(2, 'call', 3), step(2, 'finish', 9)];
    for (const order of permutations(actions)) {
      const r = resolveTicket(base, order, null);
      expect(r.ticket).toMatchObject({ state: 'done', counterNo: 2, finishedAt: at(9) });
      expect(r.conflicts).toEqual([expect.objectContaining({ kind: 'served-elsewhere', keptCounter: 2, lostCounter: 1 })]);
      expect([...r.applied].sort()).toEqual([actions[2]!.actionId, actions[3]!.actionId].sort());
    }
  });

  it('a no-show followed by a later call that served it: served wins there too', () => {
    const r = resolveTicket(base, [step(1, 'call', 1), step(1, 'no-show', 2), step(2, 'call', 5), step(2, 'finish', 8)], null);
    expect(r.ticket).toMatchObject({ state: 'done', counterNo: 2 });
    expect(r.conflicts.map((c) => c.lostCounter)).toEqual([1]);
  });

  it('served at both: the first served call keeps it, the second is set aside', () => {
    const r = resolveTicket(base, [step(2, 'call', 2), step(2, 'finish', 6), step(1, 'call', 1), step(1, 'finish', 5)], null);
    expect(r.ticket).toMatchObject({ state: 'done', counterNo: 1, finishedAt: at(5) });
    expect(r.conflicts).toEqual([expect.objectContaining({ kind: 'served-elsewhere', keptCounter: 1, lostCounter: 2 })]);
  });

  it('handing a ticket on is no conflict: transfer, then another counter calls it in the new line', () => {
    const r = resolveTicket(base, [step(1, 'call', 1), step(1, 'transfer', 2, 'B'), step(2, 'call', 3), step(2, 'finish', 4)], null);
    expect(r.ticket).toMatchObject({ state: 'done', service: 'B', counterNo: 2, callCount: 2 });
    expect(r.conflicts).toEqual([]);
  });

  it('a day that closes with the ticket still waiting or parked leaves it not served; a service in progress goes on', () => {
    expect(resolveTicket(base, [], at(600)).ticket).toMatchObject({ state: 'not-served', finishedAt: at(600) });
    expect(resolveTicket(base, [step(1, 'call', 1), step(1, 'park', 2)], at(600)).ticket.state).toBe('not-served');
    // A call made before the close but uploaded after it still counts, and its finish after midnight too.
    const late = resolveTicket(base, [step(1, 'finish', 700), step(1, 'call', 590)], at(600));
    expect(late.ticket).toMatchObject({ state: 'done', counterNo: 1, finishedAt: at(700) });
    // Nobody calls a ticket after its day closed.
    expect(resolveTicket(base, [step(1, 'call', 610)], at(600)).ticket.state).toBe('not-served');
  });

  it('the outcome is the same whatever order the actions arrive in', () => {
    const actions = [step(1, 'call', 1), step(1, 'recall', 2), step(2, 'call', 3), step(1, 'finish', 5), step(3, 'call', 4), step(3, 'no-show', 6)];
    const first = resolveTicket(base, actions, null);
    for (const order of permutations(actions)) expect(resolveTicket(base, order, null)).toEqual(first);
    expect(first.ticket).toMatchObject({ state: 'done', counterNo: 1, callCount: 2 });
    expect(first.conflicts.map((c) => [c.lostCounter, c.kind])).toEqual([
      [2, 'served-elsewhere'],
      [3, 'served-elsewhere'],
    ]);
  });
});

import type { QueueAction, Ticket } from '../contract/index.js';

/**
 * What an action does to a ticket, as the server does it; used when the counter works offline.
 * Returns null when the ticket is not in a state for the action (the server answers 409 then).
 */
export function applyAction(t: Ticket, a: Pick<QueueAction, 'action' | 'counterNo' | 'staffNumber' | 'toService' | 'at'>): Ticket | null {
  const calledHere = t.state === 'called' && t.counterNo === a.counterNo;
  switch (a.action) {
    case 'call-next':
    case 'call':
      if (t.state !== 'waiting' && t.state !== 'parked') return null;
      return { ...t, state: 'called', counterNo: a.counterNo, calledAt: a.at, calledBy: a.staffNumber, callCount: t.callCount + 1 };
    case 'recall':
      return calledHere ? { ...t, callCount: t.callCount + 1, calledAt: a.at } : null;
    case 'transfer':
      return calledHere && a.toService ? { ...t, state: 'waiting', service: a.toService, counterNo: null, calledAt: null, calledBy: null } : null;
    case 'no-show':
      return calledHere ? { ...t, state: 'no-show', finishedAt: a.at } : null;
    case 'park':
      return calledHere ? { ...t, state: 'parked' } : null;
    case 'finish':
      return calledHere ? { ...t, state: 'done', finishedAt: a.at } : null;
  }
}

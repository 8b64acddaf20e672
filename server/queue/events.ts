import { CheckedInEvent, PresenceChange, QUEUE_EVENTS, QueueAction, TicketIssuedEvent, type QueueHallEvent } from '../../core/contract/index.js';
import { checkInAppointment } from '../appointments/repository.js';
import { parsePayload, type EventApplier, type StoredEvent } from '../events/apply.js';
import { applyAction } from './actions.js';
import { applyPresence } from './presence.js';
import { insertOfflineTicket, type Trx } from './tickets.js';

export interface EventTerminal {
  id: string;
  hall: string;
}

async function applyOne(trx: Trx, terminal: EventTerminal, e: StoredEvent, now: Date, timeZone: string): Promise<QueueHallEvent | null> {
  switch (e.type) {
    case QUEUE_EVENTS.ticketIssued: {
      const t = parsePayload(TicketIssuedEvent, e.payload, 'a queue ticket');
      const ticket = await insertOfflineTicket(trx, terminal.hall, terminal.id, t, timeZone, now);
      return ticket && { kind: 'ticket', ticket };
    }
    case QUEUE_EVENTS.action: {
      const a = parsePayload(QueueAction, e.payload, 'a queue action');
      // A terminal acts for its own hall, whatever the payload says.
      const { repeat, result } = await applyAction(trx, terminal.hall, a, 'event', new Date(a.at), now, timeZone);
      return !repeat && result.outcome === 'applied' ? { kind: 'ticket', ticket: result.ticket } : null;
    }
    case QUEUE_EVENTS.checkedIn: {
      const c = parsePayload(CheckedInEvent, e.payload, 'a check-in');
      await checkInAppointment(trx, c.appointmentId, c.ticketId, new Date(c.at));
      return null;
    }
    default:
      return null;
  }
}

/** A presence change uploaded from the outbox: applied if newer than what the counter holds (see applyPresence). */
async function applyPresenceEvent(trx: Trx, terminal: EventTerminal, e: StoredEvent, now: Date): Promise<QueueHallEvent[]> {
  const c = parsePayload(PresenceChange, e.payload, 'a presence change');
  return (await applyPresence(trx, terminal.hall, c, 'event', now)).map((presence) => ({ kind: 'presence', presence }));
}

/**
 * The queue's part of an event upload: offline tickets, queue actions, check-ins and presence changes, applied in the
 * upload's transaction. Tickets and actions are idempotent by id, so an event already applied
 * through the API changes nothing. What changed is pushed to the hall once the transaction commits.
 */
export function queueEventApplier(timeZone: string, publish: (hall: string, event: QueueHallEvent) => void): EventApplier {
  return {
    types: Object.values(QUEUE_EVENTS),
    async apply(trx, e, ctx) {
      const pushes = e.type === QUEUE_EVENTS.presence ? await applyPresenceEvent(trx, ctx.terminal, e, ctx.now) : [await applyOne(trx, ctx.terminal, e, ctx.now, timeZone)];
      for (const push of pushes) if (push) ctx.afterCommit(() => publish(ctx.terminal.hall, push));
    },
  };
}

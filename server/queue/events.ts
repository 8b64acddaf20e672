import { CheckedInEvent, PresenceChange, QUEUE_EVENTS, QueueAction, TicketIssuedEvent, type QueueHallEvent } from '../../core/contract/index.js';
import { checkInAppointment } from '../appointments/repository.js';
import { parsePayload, type EventApplier, type StoredEvent } from '../events/apply.js';
import { hallDay } from '../../core/common/hall-time.js';
import { applyAction, pushesOf } from './actions.js';
import { attachPending, refold } from './fold.js';
import { applyPresence } from './presence.js';
import { flagAppointmentTicket, insertOfflineTicket, type Trx } from './tickets.js';

export interface EventTerminal {
  id: string;
  hall: string;
}

async function applyOne(trx: Trx, terminal: EventTerminal, e: StoredEvent, now: Date, timeZone: string): Promise<QueueHallEvent[]> {
  switch (e.type) {
    case QUEUE_EVENTS.ticketIssued: {
      const t = parsePayload(TicketIssuedEvent, e.payload, 'a queue ticket');
      const ticket = await insertOfflineTicket(trx, terminal.hall, terminal.id, t, timeZone, now);
      if (!ticket) return [];
      // Calls of its number made offline before it arrived, and a day closed meanwhile, now apply to it.
      await attachPending(trx, { id: ticket.id, hall: terminal.hall, day: hallDay(ticket.issuedAt, timeZone), number: ticket.number });
      const folded = await refold(trx, ticket.id, now);
      return [{ kind: 'ticket', ticket: folded.ticket }, ...pushesOf(folded).filter((p) => p.kind !== 'ticket')];
    }
    case QUEUE_EVENTS.action: {
      const a = parsePayload(QueueAction, e.payload, 'a queue action');
      // A terminal acts for its own hall, whatever the payload says.
      return (await applyAction(trx, terminal.hall, a, 'event', new Date(a.at), now, timeZone)).push;
    }
    case QUEUE_EVENTS.checkedIn: {
      const c = parsePayload(CheckedInEvent, e.payload, 'a check-in');
      // Mostly decided when the ticket arrived (insertOfflineTicket); this catches a check-in that reaches the server without it.
      const flag = await checkInAppointment(trx, c.appointmentId, c.ticketId, new Date(c.at));
      const flagged = flag && (await flagAppointmentTicket(trx, c.ticketId, flag));
      return flagged ? [{ kind: 'ticket', ticket: flagged }] : [];
    }
    default:
      return [];
  }
}

/** A presence change uploaded from the outbox: applied if newer than what the counter holds (see applyPresence). */
async function applyPresenceEvent(trx: Trx, terminal: EventTerminal, e: StoredEvent, now: Date): Promise<QueueHallEvent[]> {
  const c = parsePayload(PresenceChange, e.payload, 'a presence change');
  return (await applyPresence(trx, terminal.hall, c, 'event', now)).map((presence) => ({ kind: 'presence', presence }));
}

/**
 * What one commit pushes, sent together once its after-commit steps have run: a ticket the upload
 * changed several times (called and finished offline) is pushed once, as the upload left it, so no
 * hall hears of a call that was over before it learned of it; a conflict likewise.
 */
function latestPerTicket(publish: (hall: string, event: QueueHallEvent) => void): (hall: string, event: QueueHallEvent) => void {
  let pending: Map<string, { hall: string; event: QueueHallEvent }> | null = null;
  let n = 0;
  return (hall, event) => {
    if (!pending) {
      const batch = (pending = new Map());
      queueMicrotask(() => {
        pending = null;
        for (const p of batch.values()) publish(p.hall, p.event);
      });
    }
    // A conflict and its withdrawal share a key: one found and withdrawn again within the commit is not heard of at all.
    const key =
      event.kind === 'ticket' ? `ticket:${event.ticket.id}` : event.kind === 'conflict' ? `conflict:${event.conflict.id}` : event.kind === 'conflict-withdrawn' ? `conflict:${event.id}` : `${event.kind}:${n++}`;
    // Deleted first so that the latest state also takes the latest place in the order.
    pending.delete(key);
    pending.set(key, { hall, event });
  };
}

/**
 * The queue's part of an event upload: offline tickets, queue actions and check-ins, applied in the
 * upload's transaction. Tickets and actions are idempotent by id, so an event already applied
 * through the API changes nothing. What changed is pushed to the hall once the transaction commits.
 */
export function queueEventApplier(timeZone: string, publish: (hall: string, event: QueueHallEvent) => void): EventApplier {
  const push = latestPerTicket(publish);
  return {
    types: Object.values(QUEUE_EVENTS),
    async apply(trx, e, ctx) {
      const news = e.type === QUEUE_EVENTS.presence ? await applyPresenceEvent(trx, ctx.terminal, e, ctx.now) : await applyOne(trx, ctx.terminal, e, ctx.now, timeZone);
      if (news.length) ctx.afterCommit(() => news.forEach((n) => push(ctx.terminal.hall, n)));
    },
  };
}

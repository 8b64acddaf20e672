import { sql } from 'kysely';
import { CheckedInEvent, QUEUE_EVENTS, QueueAction, TicketIssuedEvent, type QueueHallEvent } from '../../core/contract/index.js';
import { checkInAppointment } from '../appointments/repository.js';
import { applyAction } from './actions.js';
import { insertOfflineTicket, type Trx } from './tickets.js';

export interface StoredEvent {
  eventId: string;
  type: string;
  payload: unknown;
}

export interface EventTerminal {
  id: string;
  hall: string;
}

const QUEUE_TYPES = new Set<string>(Object.values(QUEUE_EVENTS));

async function applyOne(trx: Trx, terminal: EventTerminal, e: StoredEvent, now: Date, timeZone: string): Promise<QueueHallEvent | null> {
  switch (e.type) {
    case QUEUE_EVENTS.ticketIssued: {
      const t = TicketIssuedEvent.safeParse(e.payload);
      if (!t.success) return null;
      const ticket = await insertOfflineTicket(trx, terminal.hall, terminal.id, t.data, timeZone);
      return ticket && { kind: 'ticket', ticket };
    }
    case QUEUE_EVENTS.action: {
      const a = QueueAction.safeParse(e.payload);
      if (!a.success) return null;
      // A terminal acts for its own hall, whatever the payload says.
      const { repeat, result } = await applyAction(trx, terminal.hall, a.data, 'event', new Date(a.data.at), now, timeZone);
      return !repeat && result.outcome === 'applied' ? { kind: 'ticket', ticket: result.ticket } : null;
    }
    case QUEUE_EVENTS.checkedIn: {
      const c = CheckedInEvent.safeParse(e.payload);
      if (c.success) await checkInAppointment(trx, c.data.appointmentId, c.data.ticketId, new Date(c.data.at));
      return null;
    }
    default:
      return null;
  }
}

/**
 * Applies newly stored queue events of one terminal, in the upload's transaction and in device_seq
 * order. Tickets and actions are idempotent by id, so an event already applied through the API
 * changes nothing. One event that fails is rolled back to its savepoint and left stored: it never
 * blocks the upload. Returns what to push to the hall once the transaction commits.
 */
export async function applyQueueEvents(trx: Trx, terminal: EventTerminal, events: StoredEvent[], now: Date, timeZone: string): Promise<QueueHallEvent[]> {
  const pushes: QueueHallEvent[] = [];
  for (const e of events) {
    if (!QUEUE_TYPES.has(e.type)) continue;
    await sql`SAVEPOINT queue_event`.execute(trx);
    try {
      const push = await applyOne(trx, terminal, e, now, timeZone);
      await sql`RELEASE SAVEPOINT queue_event`.execute(trx);
      if (push) pushes.push(push);
    } catch (err) {
      await sql`ROLLBACK TO SAVEPOINT queue_event`.execute(trx);
      // The payload is not logged: it may carry an enterprise's name.
      console.warn(`queue event ${e.eventId} (${e.type}) of terminal ${terminal.id} not applied: ${(err as Error).message}`);
    }
  }
  return pushes;
}

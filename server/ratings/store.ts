import { sql, type Transaction } from 'kysely';
import { isBadRating, RATING_EVENT, RatingRecord } from '../../core/contract/index.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { ServerSchema } from '../db/schema.js';
import type { NewlyStored } from '../events/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import { touchFeed } from '../supervision/feed.js';
import { openCase } from '../cases/repository.js';

type Tx = Transaction<ServerSchema>;

export interface FeedbackClock {
  now: Date;
  timeZone: string;
  calendar: WorkingCalendar;
  caseDeadlineWorkingDays: number;
  complaintDeadlineWorkingDays: number;
}

export interface StoredRating {
  id: string;
  duplicate: boolean;
  caseId: string | null;
}

/**
 * Keeps one uploaded chain row. The first rating of a service counts; a second one of the same
 * service (through another terminal) is kept, so the chain stays whole, but flagged duplicate and
 * neither counted nor followed up. A counted bad rating opens its follow-up case.
 */
export async function storeRating(tx: Tx, terminalId: string, r: RatingRecord, clock: FeedbackClock): Promise<StoredRating | null> {
  const row = {
    id: r.id,
    terminal_id: terminalId,
    device_id: r.terminalDeviceId,
    chain_seq: r.chainSeq,
    service_id: r.serviceId,
    ticket_number: r.ticketNumber,
    counter_no: r.counterNo,
    clerk_number: r.clerkNumber,
    service: r.service,
    matter: r.matter,
    level: r.level,
    reasons: JSON.stringify(r.reasons),
    comment: r.comment,
    channel: r.channel,
    recorded_at: r.recordedAt,
    prev_hash: r.prevHash,
    hash: r.hash,
    day: hallDay(new Date(r.recordedAt), clock.timeZone),
    received_at: clock.now,
  };
  // No conflict target: a clash on the id, the chain position or a counted service all insert nothing.
  const counted = await tx.insertInto('ratings').values({ ...row, duplicate: false }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (!counted) {
    const known = await tx.selectFrom('ratings').select('id').where((eb) => eb.or([eb('id', '=', r.id), eb.and([eb('device_id', '=', r.terminalDeviceId), eb('chain_seq', '=', r.chainSeq)])])).executeTakeFirst();
    if (known) return null;
    await tx.insertInto('ratings').values({ ...row, duplicate: true }).execute();
    await touchFeed(tx, 'rating', r.id, clock.now);
    return { id: r.id, duplicate: true, caseId: null };
  }
  await touchFeed(tx, 'rating', r.id, clock.now);
  const caseId = isBadRating(r.level) ? await openCase(tx, r.id, row.day, clock) : null;
  return { id: r.id, duplicate: false, caseId };
}

/** The `rating.recorded` events of an upload, in its transaction; one that does not parse is left as an event only. */
export async function applyRatingEvents(tx: Tx, terminalId: string, events: NewlyStored[], clock: FeedbackClock): Promise<number> {
  let stored = 0;
  for (const e of events) {
    if (e.type !== RATING_EVENT) continue;
    const parsed = RatingRecord.safeParse(e.payload);
    if (!parsed.success) {
      console.warn(`rating event ${e.eventId} of terminal ${terminalId} is not a rating row; kept as an event only`);
      continue;
    }
    await sql`SAVEPOINT rating_event`.execute(tx);
    try {
      if (await storeRating(tx, terminalId, parsed.data, clock)) stored++;
      await sql`RELEASE SAVEPOINT rating_event`.execute(tx);
    } catch (err) {
      await sql`ROLLBACK TO SAVEPOINT rating_event`.execute(tx);
      console.warn(`rating event ${e.eventId} of terminal ${terminalId} not applied: ${(err as Error).message}`);
    }
  }
  return stored;
}

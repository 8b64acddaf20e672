import type { Transaction } from 'kysely';
import { isBadRating, RATING_EVENT, RatingRecord } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import { parsePayload, type EventApplier } from '../events/apply.js';
import { hallDay } from '../../core/common/hall-time.js';
import type { FeedbackClock } from '../supervision/feedback-clock.js';
import { touchFeed } from '../supervision/feed.js';

type Tx = Transaction<ServerSchema>;

export interface StoredRating {
  id: string;
  duplicate: boolean;
  /** Hall-local date of the rating. */
  day: string;
}

/** Opens the follow-up case of a counted bad rating (cases/, handed in where the server is composed). */
export type OpenCase = (tx: Tx, ratingId: string, filedOn: string, clock: FeedbackClock) => Promise<string>;

/**
 * Keeps one uploaded chain row. The first rating of a service counts; a second one of the same
 * service (through another terminal) is kept, so the chain stays whole, but flagged duplicate and
 * neither counted nor followed up.
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
    return { id: r.id, duplicate: true, day: row.day };
  }
  await touchFeed(tx, 'rating', r.id, clock.now);
  return { id: r.id, duplicate: false, day: row.day };
}

/** The ratings' part of an event upload: each chain row is kept, and a counted bad rating opens its case. */
export function ratingEventApplier(clockAt: (now: Date) => FeedbackClock, openCase: OpenCase): EventApplier {
  return {
    types: [RATING_EVENT],
    async apply(tx, e, ctx) {
      const r = parsePayload(RatingRecord, e.payload, 'a rating row');
      const clock = clockAt(ctx.now);
      const stored = await storeRating(tx, ctx.terminal.id, r, clock);
      if (stored && !stored.duplicate && isBadRating(r.level)) await openCase(tx, r.id, stored.day, clock);
    },
  };
}

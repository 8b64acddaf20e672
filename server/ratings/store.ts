import type { Transaction } from 'kysely';
import { isBadRating, RATING_EVENT, RatingRecord } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import { applyEvent, parsePayload, type ApplyContext, type EventApplier } from '../events/apply.js';
import { recordFailure } from '../events/failures.js';
import { hallDay } from '../../core/common/hall-time.js';
import type { FeedbackClock } from '../supervision/feedback-clock.js';
import { touchFeed } from '../supervision/feed.js';
import { checkedRecordedAt, checkFinished, OPEN_STATES, ratedTicket, RatingRefused, servedFacts, stillOpen, uploader } from './provenance.js';

type Tx = Transaction<ServerSchema>;

export interface StoredRating {
  id: string;
  duplicate: boolean;
  /** Hall-local date of the rating. */
  day: string;
}

/** Opens the follow-up case of a counted bad rating (cases/, handed in where the server is composed). */
export type OpenCase = (tx: Tx, ratingId: string, filedOn: string, clock: FeedbackClock) => Promise<string>;

type ServedFacts = Awaited<ReturnType<typeof servedFacts>>;

/**
 * Keeps one uploaded chain row in its terminal's chain, with the server's facts of the service. The
 * first rating of a service counts; a second one of the same service (through another terminal) is
 * kept, so the chain stays whole, but flagged duplicate and neither counted nor followed up. Null:
 * this terminal sent this row before.
 */
export async function storeRating(tx: Tx, terminal: { id: string; deviceId: string }, r: RatingRecord, recordedAt: Date, served: ServedFacts, clock: FeedbackClock): Promise<StoredRating | null> {
  const row = {
    id: r.id,
    terminal_id: terminal.id,
    device_id: terminal.deviceId,
    chain_seq: r.chainSeq,
    service_id: r.serviceId,
    ...served,
    level: r.level,
    reasons: JSON.stringify(r.reasons),
    comment: r.comment,
    channel: r.channel,
    recorded_at: r.recordedAt,
    prev_hash: r.prevHash,
    hash: r.hash,
    record: JSON.stringify(r),
    day: hallDay(recordedAt, clock.timeZone),
    received_at: clock.now,
  };
  // No conflict target: a clash on the id, the chain position or a counted service all insert nothing.
  const counted = await tx.insertInto('ratings').values({ ...row, duplicate: false }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (!counted) {
    const known = await tx
      .selectFrom('ratings')
      .select(['id', 'terminal_id'])
      .where((eb) => eb.or([eb('id', '=', r.id), eb.and([eb('terminal_id', '=', terminal.id), eb('chain_seq', '=', r.chainSeq)])]))
      .execute();
    if (known.some((k) => k.id === r.id && k.terminal_id === terminal.id)) return null;
    if (known.length) throw new RatingRefused('another rating already holds this id or this place in the chain');
    await tx.insertInto('ratings').values({ ...row, duplicate: true }).execute();
  }
  await touchFeed(tx, 'rating', r.id, clock.now);
  return { id: r.id, duplicate: !counted, day: row.day };
}

/**
 * The ratings' part of an event upload. The chain is the uploading terminal's; the rating counts
 * only for a service the server holds as finished, recorded after the finish. One of a service not
 * over yet (or not known yet: an offline ticket) waits in pending_ratings and is settled once an
 * upload brings its finish; a counted bad rating opens its case.
 */
export function ratingEventApplier(clockAt: (now: Date) => FeedbackClock, openCase: OpenCase): EventApplier {
  const applier: EventApplier = {
    types: [RATING_EVENT],
    async apply(tx, e, ctx) {
      const r = parsePayload(RatingRecord, e.payload, 'a rating row');
      const who = await uploader(tx, ctx.terminal.id);
      const recordedAt = checkedRecordedAt(r, who, ctx.now);
      const ticket = await ratedTicket(tx, ctx.terminal.hall, r.serviceId);
      if (stillOpen(ticket)) {
        await tx
          .insertInto('pending_ratings')
          .values({ event_id: e.eventId, terminal_id: ctx.terminal.id, rating_id: r.id, service_id: r.serviceId, recorded_at: recordedAt, received_at: ctx.now })
          .onConflict((oc) => oc.doNothing())
          .execute();
        return;
      }
      checkFinished(ticket!, recordedAt);
      const clock = clockAt(ctx.now);
      const stored = await storeRating(tx, { id: ctx.terminal.id, deviceId: who.deviceId! }, r, recordedAt, await servedFacts(tx, ticket!), clock);
      if (stored && !stored.duplicate && isBadRating(r.level)) await openCase(tx, r.id, stored.day, clock);
    },
    settle: (tx, ctx) => settlePending(tx, applier, ctx),
  };
  return applier;
}

/**
 * Ratings that waited for their service and whose ticket the server now holds as over: applied
 * (or refused into failed_events) in the order they were recorded, so the first rating counts.
 */
async function settlePending(tx: Tx, applier: EventApplier, ctx: ApplyContext): Promise<void> {
  const due = await tx
    .selectFrom('pending_ratings as p')
    .innerJoin('events as e', 'e.event_id', 'p.event_id')
    .innerJoin('terminals as t', 't.id', 'p.terminal_id')
    .select(['p.event_id', 'p.terminal_id', 't.hall', 'e.device_seq', 'e.type', 'e.payload'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('tickets as st').select('st.id').whereRef('st.id', '=', 'p.service_id').where('st.state', 'not in', OPEN_STATES)),
        eb.exists(
          eb
            .selectFrom('queue_actions as qa')
            .innerJoin('tickets as qt', 'qt.id', 'qa.ticket_id')
            .select('qa.action_id')
            .whereRef('qa.named_id', '=', 'p.service_id')
            .where('qt.state', 'not in', OPEN_STATES),
        ),
      ]),
    )
    .orderBy('p.recorded_at')
    .orderBy('p.rating_id')
    .execute();
  for (const p of due) {
    await tx.deleteFrom('pending_ratings').where('event_id', '=', p.event_id).execute();
    const event = { terminalId: p.terminal_id, deviceSeq: Number(p.device_seq), eventId: p.event_id, type: p.type, payload: p.payload };
    const reason = await applyEvent(tx, event, [applier], { ...ctx, terminal: { id: p.terminal_id, hall: p.hall } });
    if (reason !== null) await recordFailure(tx, event, reason, ctx.now);
  }
}

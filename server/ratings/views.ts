import type { Selectable } from 'kysely';
import type { RatingLevel, RatingRecord, RatingView } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { RatingsTable } from '../supervision/schema.js';

export type RatingRow = Selectable<RatingsTable>;

/**
 * The chain row as its terminal hashed it: what it said of the service (kept in `record`; the
 * columns on rows stored before migration 0012), with the rating's own columns laid over it, so an
 * edit to any of them breaks the hash.
 */
export function toRecord(r: RatingRow): RatingRecord {
  const said = r.record ?? { terminalDeviceId: r.device_id, ticketNumber: r.ticket_number, counterNo: r.counter_no, clerkNumber: r.clerk_number, service: r.service, matter: r.matter };
  return {
    id: r.id,
    chainSeq: r.chain_seq,
    terminalDeviceId: said.terminalDeviceId,
    serviceId: r.service_id,
    ticketNumber: said.ticketNumber,
    counterNo: said.counterNo,
    clerkNumber: said.clerkNumber,
    service: said.service,
    matter: said.matter,
    level: r.level as RatingLevel | null,
    reasons: r.reasons as RatingRecord['reasons'],
    comment: r.comment,
    channel: r.channel,
    recordedAt: r.recorded_at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Clerk names by staff number, for labels. */
export async function clerkNames(db: ServerDb): Promise<Map<string, string>> {
  const rows = await db.selectFrom('staff').select(['number', 'name']).execute();
  return new Map(rows.map((r) => [r.number, r.name]));
}

export function toRatingView(r: RatingRow, names: Map<string, string>, caseId: string | null): RatingView {
  return {
    id: r.id,
    serviceId: r.service_id,
    recordedAt: r.recorded_at,
    day: r.day,
    terminal: r.terminal_id,
    counterNo: r.counter_no,
    clerkNumber: r.clerk_number,
    clerkName: names.get(r.clerk_number) ?? null,
    service: r.service,
    matter: r.matter,
    level: r.level as RatingLevel | null,
    reasons: r.reasons as RatingRecord['reasons'],
    comment: r.comment,
    channel: r.channel,
    duplicate: r.duplicate,
    caseId,
  };
}

/** Rating views by id (any order), with the case each opened. */
export async function ratingViews(db: ServerDb, ids: string[]): Promise<RatingView[]> {
  if (!ids.length) return [];
  const [rows, cases, names] = await Promise.all([
    db.selectFrom('ratings').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('rating_cases').select(['id', 'rating_id']).where('rating_id', 'in', ids).execute(),
    clerkNames(db),
  ]);
  const caseOf = new Map(cases.map((c) => [c.rating_id, c.id]));
  return rows.map((r) => toRatingView(r, names, caseOf.get(r.id) ?? null));
}

/** The latest ratings, newest first. */
export async function latestRatings(db: ServerDb, limit: number, badOnly: boolean): Promise<RatingView[]> {
  let q = db.selectFrom('ratings').select('id').orderBy('received_at', 'desc').orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (badOnly) q = q.where('level', '<=', 2);
  const ids = (await q.execute()).map((r) => r.id);
  const views = new Map((await ratingViews(db, ids)).map((v) => [v.id, v]));
  return ids.map((id) => views.get(id)!);
}

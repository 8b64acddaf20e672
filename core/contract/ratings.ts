import { z } from 'zod';
import { FreeText, Localized } from './common.js';
import { CounterNo, ServiceCode, Ulid } from './queue.js';

/**
 * On-the-spot rating (好差评, FACTS.md): five levels, 5 非常满意 … 1 非常不满意; 2 and 1 are bad
 * ratings and ask for reasons. One rating per service, never edited; who rated is never recorded.
 */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export const RatingLevel = z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)]);
export type RatingLevel = z.infer<typeof RatingLevel>;
export const isBadRating = (level: number | null) => level !== null && level <= 2;

/** Reasons offered for a bad rating (GB/T 39734 style indicators); screens translate them. */
export const BAD_REASONS = ['efficiency', 'attitude', 'explanation', 'repeat-visits', 'unresolved', 'rules', 'environment'] as const;
export const BadReason = z.enum(BAD_REASONS);

/** What the rating screen shows about the service just finished: who served, where, what. */
export const RatingPrompt = z.object({
  serviceId: Ulid,
  ticketNumber: z.string(),
  counterNo: CounterNo,
  clerkName: z.string(),
  clerkNumber: z.string(),
  service: ServiceCode,
  /** The line's name in each language, for the visitor's; the rating records the Chinese. */
  matter: Localized,
  finishedAt: z.iso.datetime({ offset: true }),
  /** After this the service is recorded as not rated (never as a default good rating). */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type RatingPrompt = z.infer<typeof RatingPrompt>;

export const RatingInput = z
  .object({
    level: RatingLevel,
    reasons: z.array(BadReason).max(BAD_REASONS.length).default([]),
    comment: FreeText.trim().max(500).nullable().default(null),
  })
  .refine((r) => !isBadRating(r.level) || r.reasons.length > 0, { message: 'a bad rating needs at least one reason', path: ['reasons'] })
  .refine((r) => isBadRating(r.level) || r.reasons.length === 0, { message: 'reasons belong to bad ratings only', path: ['reasons'] });
export type RatingInput = z.infer<typeof RatingInput>;

/** How a kiosk rating's holder was proven: the slip's QR or the typed code, checked by the server or by the kiosk that issued the ticket. */
export const HolderProof = z.object({ by: z.enum(['slip-qr', 'rating-code']), checkedBy: z.enum(['server', 'issuing-kiosk']) });
export type HolderProof = z.infer<typeof HolderProof>;

/**
 * One row of a terminal's rating chain, as stored and uploaded (event `rating.recorded`). `hash` is
 * sha256 over `prevHash` and the canonical JSON of every other field (see ratingHash); the first
 * row of a terminal has prevHash of 64 zeros.
 */
export const RatingRecord = z.object({
  id: Ulid,
  /** 1, 2, 3… per terminal: a gap shows a deleted row. */
  chainSeq: z.int().min(1),
  terminalDeviceId: z.string(),
  serviceId: Ulid,
  ticketNumber: z.string(),
  counterNo: CounterNo,
  clerkNumber: z.string(),
  service: ServiceCode,
  matter: z.string(),
  /** null: the visitor left without rating. */
  level: RatingLevel.nullable(),
  reasons: z.array(BadReason),
  comment: z.string().nullable(),
  channel: z.enum(['counter', 'kiosk']),
  recordedAt: z.iso.datetime({ offset: true }),
  /** Kiosk ratings: how the rater proved they hold the ticket. Not hashed (the chain's fields stay as they were). */
  holderProof: HolderProof.optional(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RatingRecord = z.infer<typeof RatingRecord>;

export const RATING_EVENT = 'rating.recorded';

/** The result of checking chains: ok, or the first broken row named. */
export const ChainReport = z.object({
  ok: z.boolean(),
  chains: z.int(),
  rows: z.int(),
  firstBroken: z
    .object({ terminal: z.string(), chainSeq: z.int(), id: z.string().nullable(), problem: z.enum(['hash-mismatch', 'link-broken', 'missing-row', 'out-of-order', 'displaced', 'short-of-head']) })
    .nullable(),
});
export type ChainReport = z.infer<typeof ChainReport>;


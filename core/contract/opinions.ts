import { z } from 'zod';
import { FreeText, Lang } from './common.js';
import { Phone, Ulid } from './queue.js';

/** The opinion box (意见箱) and complaints (seed 二(二)4, 二(七)). */
export const OPINION_KINDS = ['opinion', 'suggestion', 'complaint', 'leadership-letter'] as const;
export const OpinionKind = z.enum(OPINION_KINDS);
export type OpinionKind = z.infer<typeof OpinionKind>;

/** What a visitor drops at the kiosk. The phone is optional; with it, lookups need its last four digits. */
export const NewOpinion = z.object({
  kind: OpinionKind,
  text: FreeText.trim().min(5).max(2000),
  /** One of the eleven prohibitions (十一不准), 1–11, when the visitor cites one. */
  prohibition: z.int().min(1).max(11).nullable().default(null),
  phone: Phone.nullable().default(null),
  lang: Lang.default('zh-CN'),
});
export type NewOpinion = z.infer<typeof NewOpinion>;

/**
 * Readable on a slip and over the phone, without look-alikes (no 0/O, 1/I/L): three groups of five
 * (about 74 bits, core/common/tracking-code.ts); codes handed out before are 4 + 4 and still valid.
 */
export const TrackingCode = z.string().regex(/^(?:[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}|[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})$/);

/** Uploaded as event `opinion.filed`; the full phone goes only to the central server. */
export const OpinionFiled = z.object({
  id: Ulid,
  trackingCode: TrackingCode,
  kind: OpinionKind,
  text: z.string(),
  prohibition: z.int().min(1).max(11).nullable(),
  phone: Phone.nullable(),
  filedAt: z.iso.datetime({ offset: true }),
});
export type OpinionFiled = z.infer<typeof OpinionFiled>;
export const OPINION_EVENT = 'opinion.filed';

/** office review → assigned department → (deadline) → response → feedback to the complainant → closed. */
export const COMPLAINT_STATES = ['received', 'assigned', 'responded', 'fed-back', 'closed'] as const;
export const ComplaintState = z.enum(COMPLAINT_STATES);
export type ComplaintState = z.infer<typeof ComplaintState>;

/** What the visitor sees when looking up progress: never the text of others, never the phone. */
export const OpinionProgress = z.object({
  trackingCode: TrackingCode,
  kind: OpinionKind,
  state: ComplaintState,
  filedAt: z.string(),
  deadline: z.iso.date().nullable(),
  /** The feedback given to the visitor, once given. */
  feedback: z.string().nullable(),
  /** False when the central server has not received it yet (it is still on this kiosk). */
  received: z.boolean(),
});
export type OpinionProgress = z.infer<typeof OpinionProgress>;

export const TrackQuery = z.object({ code: FreeText.trim().toUpperCase(), last4: z.string().regex(/^\d{4}$/).optional() });

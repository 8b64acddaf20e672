import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { failureReason } from '../db/fault.js';
import { inSavepoint } from '../db/savepoint.js';
import type { ServerSchema } from '../db/schema.js';
import { recordFailure } from './failures.js';

type Tx = Transaction<ServerSchema>;

/** An uploaded event as the server stored it. */
export interface StoredEvent {
  terminalId: string;
  deviceSeq: number;
  eventId: string;
  type: string;
  payload: unknown;
}

export interface ApplyContext {
  /** The terminal that uploaded the event; it acts for its own hall, whatever the payload says. */
  terminal: { id: string; hall: string };
  now: Date;
  /** Runs once the transaction has committed (a push to the hall); dropped when the event fails. */
  afterCommit(fn: () => void): void;
}

/** What one part of the server (queue, ratings, complaints) does with the uploaded events of its types. */
export interface EventApplier {
  types: readonly string[];
  /** In the caller's transaction; throws when the event cannot be applied. */
  apply(tx: Tx, event: StoredEvent, ctx: ApplyContext): Promise<void>;
  /** After an upload's events (or a re-applied one), in its transaction: applies what waited for them. */
  settle?(tx: Tx, ctx: ApplyContext): Promise<void>;
}

/** The payload does not have the shape its type promises. */
export class PayloadInvalid extends Error {}

/** The payload as `schema` reads it; the error names the fields that are wrong, never their values. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
  throw new PayloadInvalid(`payload is not ${what}: ${issues.join('; ')}`);
}

/**
 * Applies one event behind a savepoint. Answers why it failed, or null when it applied (or no part
 * of the server applies its type: it is then a stored fact only). A fault of the server is thrown.
 */
export async function applyEvent(tx: Tx, event: StoredEvent, appliers: readonly EventApplier[], ctx: ApplyContext): Promise<string | null> {
  const applier = appliers.find((a) => a.types.includes(event.type));
  if (!applier) return null;
  const later: (() => void)[] = [];
  const attempt = await inSavepoint(tx, () => applier.apply(tx, event, { ...ctx, afterCommit: (fn) => later.push(fn) }));
  if (!attempt.ok) return failureReason(attempt.error);
  later.forEach((fn) => ctx.afterCommit(fn));
  return null;
}

/**
 * An upload's newly stored events, in device_seq order, in its transaction. One that fails is
 * recorded in failed_events with its reason (to be re-applied by `server:admin -- events reapply`)
 * and the others go on.
 */
export async function applyStoredEvents(tx: Tx, events: StoredEvent[], appliers: readonly EventApplier[], ctx: ApplyContext): Promise<void> {
  for (const event of events) {
    const reason = await applyEvent(tx, event, appliers, ctx);
    if (reason !== null) await recordFailure(tx, event, reason, ctx.now);
  }
  await settleAll(tx, appliers, ctx);
}

/** Every applier's settle step, in order. */
export async function settleAll(tx: Tx, appliers: readonly EventApplier[], ctx: ApplyContext): Promise<void> {
  for (const a of appliers) await a.settle?.(tx, ctx);
}

import type { Transaction } from 'kysely';
import type { ServerSchema } from '../db/schema.js';

/** Marks a rating, case or complaint as new or changed for the pages polling /api/supervision/live. */
export async function touchFeed(tx: Transaction<ServerSchema>, kind: 'rating' | 'case' | 'complaint', ref: string, now: Date): Promise<void> {
  await tx.insertInto('supervision_feed').values({ kind, ref, at: now }).execute();
}

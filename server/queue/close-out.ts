import { addDays, hallDay, hallInstant } from '../../core/common/hall-time.js';
import type { QueueHallEvent } from '../../core/contract/index.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { every } from '../jobs/every.js';
import { pushesOf } from './actions.js';
import { refold } from './fold.js';

/** When the hall's queue day `day` closes: at QUEUE_CLOSE_OUT that day, or 00:00 at its end. */
export function closeOutMoment(day: string, closeOut: string, timeZone: string): number {
  return closeOut === '00:00' ? hallInstant(addDays(day, 1), '00:00', timeZone) : hallInstant(day, closeOut, timeZone);
}

/**
 * Closes every queue day whose close-out has passed and still has tickets waiting or parked: each
 * becomes "not served today" (core/common/queue-reconcile). A service in progress is left to its
 * counter. Answers how many tickets were closed. Safe to run on several instances at once: the day
 * is recorded once and each ticket folds under its row lock.
 */
export async function closeOutDays(
  db: ServerDb,
  config: Pick<ServerConfig, 'now' | 'hallTimeZone' | 'queueCloseOut'>,
  publish: (hall: string, e: QueueHallEvent) => void,
  onClosed?: (hall: string, day: string, notServed: number) => void,
): Promise<number> {
  const now = config.now();
  const today = hallDay(now, config.hallTimeZone);
  const open = await db.selectFrom('tickets').select(['hall', 'day']).distinct().where('state', 'in', ['waiting', 'parked']).where('day', '<=', today).execute();
  let closed = 0;
  for (const { hall, day } of open) {
    const at = closeOutMoment(day, config.queueCloseOut, config.hallTimeZone);
    if (now < at) continue;
    let closedHere = 0;
    const news = await db.transaction().execute(async (trx) => {
      await trx.insertInto('queue_days').values({ hall, day, closed_at: new Date(at) }).onConflict((oc) => oc.columns(['hall', 'day']).doNothing()).execute();
      const ids = await trx.selectFrom('tickets').select('id').where('hall', '=', hall).where('day', '=', day).where('state', 'in', ['waiting', 'parked']).execute();
      const out: QueueHallEvent[] = [];
      for (const { id } of ids) {
        const folded = await refold(trx, id, new Date(now));
        if (folded.ticket.state === 'not-served') closedHere++;
        out.push(...pushesOf(folded));
      }
      return out;
    });
    closed += closedHere;
    news.forEach((e) => publish(hall, e));
    if (closedHere) onClosed?.(hall, day, closedHere);
  }
  return closed;
}

export interface CloseOutLog {
  info(msg: string): void;
  warn(msg: string): void;
}

export function startCloseOut(db: ServerDb, config: ServerConfig, publish: (hall: string, e: QueueHallEvent) => void, everyMs: number, log: CloseOutLog): () => void {
  const closed = (hall: string, day: string, n: number) => log.info(`queue day ${day} of hall ${hall} closed: ${n} ticket(s) not served`);
  return every(everyMs, () => closeOutDays(db, config, publish, closed), (err) => log.warn(`closing the queue day failed: ${err.message}`));
}

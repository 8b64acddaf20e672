import { sql, type Transaction } from 'kysely';
import { OPINION_EVENT, OpinionFiled } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import type { NewlyStored } from '../events/repository.js';
import { hallDay } from '../../core/common/hall-time.js';
import type { FeedbackClock } from '../ratings/store.js';
import { touchFeed } from '../supervision/feed.js';

type Tx = Transaction<ServerSchema>;

/**
 * A filed opinion enters the workflow as `received`, due COMPLAINT_DEADLINE_WORKING_DAYS working
 * days after the hall-local day it was filed. Every kind takes the same path.
 */
export async function storeOpinion(tx: Tx, terminalId: string, o: OpinionFiled, clock: FeedbackClock): Promise<boolean> {
  const filedOn = hallDay(new Date(o.filedAt), clock.timeZone);
  const row = await tx
    .insertInto('complaints')
    .values({
      id: o.id,
      tracking_code: o.trackingCode,
      terminal_id: terminalId,
      kind: o.kind,
      text: o.text,
      prohibition: o.prohibition,
      phone: o.phone,
      filed_at: o.filedAt,
      filed_on: filedOn,
      received_at: clock.now,
      deadline: clock.calendar.addWorkingDays(filedOn, clock.complaintDeadlineWorkingDays),
      state: 'received',
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await tx.insertInto('complaint_steps').values({ complaint_id: o.id, action: 'filed', note: null, by_login: null, department: null, at: clock.now }).execute();
  await touchFeed(tx, 'complaint', o.id, clock.now);
  return true;
}

/** The `opinion.filed` events of an upload, in its transaction. Payloads are never logged: they hold phones. */
export async function applyOpinionEvents(tx: Tx, terminalId: string, events: NewlyStored[], clock: FeedbackClock): Promise<number> {
  let stored = 0;
  for (const e of events) {
    if (e.type !== OPINION_EVENT) continue;
    const parsed = OpinionFiled.safeParse(e.payload);
    if (!parsed.success) {
      console.warn(`opinion event ${e.eventId} of terminal ${terminalId} does not parse; kept as an event only`);
      continue;
    }
    await sql`SAVEPOINT opinion_event`.execute(tx);
    try {
      if (await storeOpinion(tx, terminalId, parsed.data, clock)) stored++;
      await sql`RELEASE SAVEPOINT opinion_event`.execute(tx);
    } catch (err) {
      await sql`ROLLBACK TO SAVEPOINT opinion_event`.execute(tx);
      console.warn(`opinion event ${e.eventId} of terminal ${terminalId} not applied: ${(err as Error).message}`);
    }
  }
  return stored;
}

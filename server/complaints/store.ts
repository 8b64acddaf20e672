import type { Transaction } from 'kysely';
import { OPINION_EVENT, OpinionFiled } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import { parsePayload, type EventApplier } from '../events/apply.js';
import { hallDay } from '../../core/common/hall-time.js';
import type { FeedbackClock } from '../supervision/feedback-clock.js';
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

/** The opinions' part of an event upload: each filed opinion enters the workflow. Payloads are never logged: they hold phones. */
export function opinionEventApplier(clockAt: (now: Date) => FeedbackClock): EventApplier {
  return {
    types: [OPINION_EVENT],
    async apply(tx, e, ctx) {
      await storeOpinion(tx, ctx.terminal.id, parsePayload(OpinionFiled, e.payload, 'a filed opinion'), clockAt(ctx.now));
    },
  };
}

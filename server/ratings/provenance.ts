import type { Transaction } from 'kysely';
import type { RatingRecord } from '../../core/contract/index.js';
import type { ServerSchema } from '../db/schema.js';
import { hallConfig } from '../halls/repository.js';
import type { TicketRow } from '../queue/tickets.js';

type Tx = Transaction<ServerSchema>;

/** A rating the server will not count, for a reason named without the rating's content. */
export class RatingRefused extends Error {}

/** Within this much of the finish (clock offsets are estimates), a rating still counts as after it. */
const FINISH_SLACK_MS = 2_000;
/** A rating dated further than this after it reached the server was not recorded when it says. */
const FUTURE_SLACK_MS = 60_000;

/** What the server itself knows of the uploading terminal: its chain's device and its clock offset. */
export async function uploader(tx: Tx, terminalId: string): Promise<{ deviceId: string | null; offsetMs: number }> {
  const t = await tx.selectFrom('terminals').select(['device_id', 'reported_clock_offset_ms']).where('id', '=', terminalId).executeTakeFirstOrThrow();
  return { deviceId: t.device_id, offsetMs: Number(t.reported_clock_offset_ms ?? 0) };
}

/**
 * The rating's time by the server's clock (its terminal's reported offset applied). Refused when the
 * row names another device's chain, or is dated after it arrived.
 */
export function checkedRecordedAt(r: RatingRecord, who: { deviceId: string | null; offsetMs: number }, receivedAt: Date): Date {
  if (r.terminalDeviceId !== who.deviceId) throw new RatingRefused("the rating names another device's chain than the uploading terminal's");
  const at = new Date(Date.parse(r.recordedAt) + who.offsetMs);
  if (at.getTime() > receivedAt.getTime() + FUTURE_SLACK_MS) throw new RatingRefused('the rating is dated after it reached the server');
  return at;
}

/** The server's ticket a rating is of: by id, else the ticket an offline placeholder id was matched to. */
export async function ratedTicket(tx: Tx, hall: string, serviceId: string): Promise<TicketRow | undefined> {
  const q = tx.selectFrom('tickets').selectAll().where('hall', '=', hall);
  const byId = await q.where('id', '=', serviceId).executeTakeFirst();
  if (byId) return byId;
  const alias = await tx.selectFrom('queue_actions').select('ticket_id').where('hall', '=', hall).where('named_id', '=', serviceId).where('ticket_id', 'is not', null).executeTakeFirst();
  return alias?.ticket_id ? q.where('id', '=', alias.ticket_id).executeTakeFirst() : undefined;
}

/** Ticket states of a service not over yet. */
export const OPEN_STATES = ['waiting', 'called', 'parked'] as const;

/** A service the server does not hold as over yet: its rating waits. */
export const stillOpen = (t: TicketRow | undefined) => !t || (OPEN_STATES as readonly string[]).includes(t.state);

/** A finished service the rating may count for; refused for a service not served or a rating made before it finished. */
export function checkFinished(t: TicketRow, recordedAt: Date): void {
  if (t.state !== 'done' || !t.finished_at || t.counter_no === null) throw new RatingRefused(`the rated ticket was not served (${t.state})`);
  if (recordedAt.getTime() < t.finished_at.getTime() - FINISH_SLACK_MS) throw new RatingRefused('the rating was recorded before its service finished');
}

/** Who served, where and what: from the server's ticket, never the rating's payload. */
export async function servedFacts(tx: Tx, t: TicketRow): Promise<{ ticket_id: string; ticket_number: string; counter_no: number; clerk_number: string; service: string; matter: string }> {
  const hall = await hallConfig(tx, t.hall);
  const name = hall?.config.services.find((s) => s.code === t.service)?.name['zh-CN'];
  return { ticket_id: t.id, ticket_number: t.number, counter_no: t.counter_no!, clerk_number: t.called_by ?? '', service: t.service, matter: name ?? t.service };
}

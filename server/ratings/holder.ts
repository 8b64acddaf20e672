import { timingSafeEqual, createHash } from 'node:crypto';
import { ServerError, type TicketHolderCheck } from '../../core/contract/index.js';
import { hallDay } from '../../core/common/hall-time.js';
import { RATING_TRY_RULE } from '../../core/common/rating-code.js';
import type { AttemptLimits } from '../auth/attempt-limits.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import type { ServerHandlers } from '../http/register.js';
import { toTicket } from '../queue/tickets.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether a kiosk's visitor holds a ticket of today in the kiosk's hall: its rating code matches.
 * Every refusal is the same one, whether the number is unknown, the code wrong or missing, or the
 * ticket has none, so a refusal tells nothing about which tickets exist.
 */
export async function checkTicketHolder(db: ServerDb, hall: string, check: TicketHolderCheck, now: Date, timeZone: string) {
  let q = db.selectFrom('tickets').selectAll().where('hall', '=', hall).where('day', '=', hallDay(now, timeZone));
  if (check.ticketId) q = q.where('id', '=', check.ticketId);
  else if (check.number) q = q.where('number', '=', check.number);
  else throw new ServerError('TICKET_PROOF_FAILED');
  const row = await q.orderBy('issued_at', 'desc').limit(1).executeTakeFirst();
  // Hashes of equal length, compared whole: the time taken says nothing about the code.
  const matches = timingSafeEqual(digest(row?.rating_code ?? ''), digest(check.code)) && !!row?.rating_code;
  if (!row || !matches) throw new ServerError('TICKET_PROOF_FAILED');
  return { ticket: toTicket(row) };
}

const isRefusal = (err: unknown) => err instanceof ServerError && err.code === 'TICKET_PROOF_FAILED';

export function ratingHolderHandlers(db: ServerDb, config: ServerConfig, limits: Pick<AttemptLimits, 'guard'>): Pick<ServerHandlers, 'ticketHolder'> {
  return {
    ticketHolder: async ({ body }, { terminal }) => {
      // The kiosk counts its failures too; this holds a kiosk that would not.
      const key = { kind: 'rating-ticket', key: terminal.id, rule: RATING_TRY_RULE };
      return limits.guard([key], () => checkTicketHolder(db, terminal.hall, body, new Date(config.now()), config.hallTimeZone), isRefusal);
    },
  };
}

import { ServerError, type QueueAction } from '../../core/contract/index.js';
import { cancelAppointment, createAppointment, listAppointments } from '../appointments/repository.js';
import type { AttemptLimits } from '../auth/attempt-limits.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { hallConfig } from '../halls/repository.js';
import type { ServerHandlers } from '../http/register.js';
import { applyAction } from './actions.js';
import { counterSignIn } from './sign-in.js';
import type { HallPublish } from './publish.js';
import { issueTicket, queueState, type QueueClock } from './tickets.js';

type QueueHandlers = Pick<ServerHandlers, 'issueTicket' | 'queueAction' | 'queueState' | 'presence' | 'createAppointment' | 'cancelAppointment' | 'listAppointments'>;

/** What the API refuses before touching the queue; the lines named must be lines of the hall. */
async function checkAction(db: ServerDb, hall: string, a: QueueAction): Promise<void> {
  if (a.hall !== hall) throw new ServerError('VALIDATION_FAILED', [{ path: 'hall', message: "not this terminal's hall" }]);
  const lines = new Set((await hallConfig(db, hall))?.config.services.map((s) => s.code));
  if (a.action === 'call-next') {
    if (!a.services.length) throw new ServerError('VALIDATION_FAILED', [{ path: 'services', message: 'name at least one line' }]);
    if (a.services.some((s) => !lines.has(s))) throw new ServerError('UNKNOWN_SERVICE');
    return;
  }
  if (!a.ticketId && !a.number) throw new ServerError('VALIDATION_FAILED', [{ path: 'ticketId', message: 'name the ticket by id or number' }]);
  if (a.action === 'transfer') {
    if (!a.toService) throw new ServerError('VALIDATION_FAILED', [{ path: 'toService', message: 'name the line to transfer to' }]);
    if (!lines.has(a.toService)) throw new ServerError('UNKNOWN_SERVICE');
  }
}

/** The hall queue's routes. Every change to a ticket or a counter is pushed to the hall's terminals at once. */
export function queueHandlers(db: ServerDb, config: ServerConfig, push: HallPublish, limits: Pick<AttemptLimits, 'staffLogin'>): QueueHandlers {
  const clock: QueueClock = { now: config.now, timeZone: config.hallTimeZone };
  return {
    issueTicket: async ({ body }, { terminal }) => {
      const { ticket, ahead, fresh, ratingCode } = await issueTicket(db, terminal.hall, terminal.id, body, clock);
      if (fresh) push(terminal.hall, { kind: 'ticket', ticket });
      // The code goes back to the issuing kiosk only, never out with the ticket.
      return { ticket, ahead, ...(ratingCode ? { ratingCode } : {}) };
    },
    queueAction: async ({ body }, { terminal, clerk }) => {
      // A counter session names the clerk and counter; without one the action is kept as unconfirmed (like an offline one).
      const action = clerk ? { ...body, staff: clerk.login, staffNumber: clerk.number, counterNo: clerk.counterNo } : body;
      await checkAction(db, terminal.hall, action);
      const now = new Date(config.now());
      const { result, push: news } = await db.transaction().execute(async (trx) => {
        const applied = await applyAction(trx, terminal.hall, action, 'api', now, now, config.hallTimeZone, clerk !== null);
        // Unknown today, or the counter still serves someone: leave no trace, so the same actionId may be tried again.
        if (applied.result.outcome === 'not-found') throw new ServerError('NOT_FOUND');
        if (applied.result.outcome === 'busy') throw new ServerError('COUNTER_BUSY');
        return applied;
      });
      if (result.outcome === 'not-found') throw new ServerError('NOT_FOUND');
      if (result.outcome === 'conflict') throw new ServerError('QUEUE_CONFLICT');
      news.forEach((e) => push(terminal.hall, e));
      return { ticket: result.ticket };
    },
    queueState: ({ open }, { terminal }) => queueState(db, terminal.hall, clock, open?.split(',') ?? []),
    presence: async ({ body }, { terminal, clerk }) => {
      const now = new Date(config.now());
      const signIn = () => counterSignIn(db, terminal, clerk, body, now, config.hallTimeZone);
      // A password tried at a counter is limited like one at the supervision sign-in: per login at this counter.
      const { changed, session } = body.password ? await limits.staffLogin(body.staff, `counter:${terminal.id}`, signIn) : await signIn();
      for (const presence of changed) push(terminal.hall, { kind: 'presence', presence });
      return { ...(await queueState(db, terminal.hall, clock)), session };
    },
    createAppointment: ({ body }, { terminal, clerk }) => createAppointment(db, terminal.hall, { ...body, createdBy: clerk.login }, config.now(), config.hallTimeZone),
    cancelAppointment: ({ params, body }, { terminal, clerk }) => cancelAppointment(db, terminal.hall, params.id, { ...body, cancelledBy: clerk.login }, config.now()),
    listAppointments: async ({ date }, { terminal }) => ({ appointments: await listAppointments(db, terminal.hall, date) }),
  };
}

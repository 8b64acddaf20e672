import type { ClerkServerSession, CounterPresence, PresenceRequest } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import { counterClerk, issueCounterSession, overridingSupervisor, revokeCounterSession, type ClerkPrincipal } from '../staff/counter-sessions.js';
import { applyPresence, presenceChange } from './presence.js';

/**
 * A presence change posted by a counter. Signing in with the clerk's password (checked here: a clerk
 * of this hall only) answers a counter session, which then vouches for the clerk's queue and
 * appointment requests; a supervisor's override is believed only with their password. With a
 * session the clerk and counter are the session's, whatever the body names; signing out ends it.
 * A change with neither (made offline, posted once the server answers) is applied as an uploaded one would be.
 */
export async function counterSignIn(
  db: ServerDb,
  terminal: { id: string; hall: string },
  clerk: ClerkPrincipal | null,
  req: PresenceRequest,
  now: Date,
  timeZone: string,
): Promise<{ changed: CounterPresence[]; session: ClerkServerSession | null }> {
  const { password, supervisor, ...rest } = req;
  const named = clerk ? { ...rest, staff: clerk.login, counterNo: clerk.counterNo } : rest;
  const staff = password && named.state === 'in' ? await counterClerk(db, terminal.hall, named.staff, password) : null;
  const overriddenBy = supervisor ? await overridingSupervisor(db, supervisor.login, supervisor.password) : null;
  const change = presenceChange({ ...named, overriddenBy }, now);
  return db.transaction().execute(async (trx) => {
    const changed = await applyPresence(trx, terminal.hall, change, 'api', now);
    const session = staff ? await issueCounterSession(trx, staff, { hall: terminal.hall, terminalId: terminal.id, counterNo: change.counterNo }, now, timeZone) : null;
    if (clerk && change.state === 'out') await revokeCounterSession(trx, clerk.tokenHash, now);
    return { changed, session };
  });
}

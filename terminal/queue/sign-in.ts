import { ulid } from 'ulid';
import { AppError, QUEUE_EVENTS, QueueState, type CounterPresence, type PresenceChange, type PresenceState, type StaffCredential } from '../../core/contract/index.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { getStaff } from '../../core/queue/reference.js';
import { closeCounterSessions, closeSession, openSession, sessionsHere, setSessionPresence, verifyStaffPassword } from '../../core/queue/sessions.js';
import type { HallQueue } from './hall-queue.js';
import type { ServerAnswer } from './server-link.js';

/** A supervisor's login and password, given at a clerk's sign-in to let them take a counter in use. */
export interface SupervisorOverride {
  login: string;
  password: string;
}

const OVERRIDING_ROLES: readonly StaffCredential['role'][] = ['supervisor', 'admin'];

/**
 * Who is at which counter (issue 10). Every change (signing in, stepping away, coming back, signing
 * out) is an outbox event in the same transaction as the session it changes, so one made offline
 * reaches the server on reconnect; while the server answers it is also posted at once with the same id.
 * One login is signed in at one counter at a time, and a counter another clerk holds is taken only
 * once they signed out, or with a supervisor's word. The server checks the same (server/queue/presence).
 */
export class CounterSignIn {
  constructor(private readonly q: HallQueue) {}

  /** Signs a clerk (whose password was checked) in at a counter; answers the session's token. */
  async signIn(staff: StaffCredential, counterNo: number, override: SupervisorOverride | null): Promise<string> {
    const here = sessionsHere(this.q.db);
    if (here.some((s) => s.login === staff.login && s.counterNo !== counterNo)) throw new AppError('SIGNED_IN_ELSEWHERE');
    const overriddenBy = override ? await this.supervisor(override) : null;
    if (!overriddenBy && here.some((s) => s.counterNo === counterNo && s.login !== staff.login)) throw new AppError('COUNTER_IN_USE');
    const change = this.change(staff.login, counterNo, 'in', overriddenBy);
    // The server's refusal (signed in elsewhere, counter in use) reaches the clerk from here.
    const answer = await this.post(change);
    // Offline, the hall's presence as last heard stands in for the server's.
    const holder = this.holder(counterNo);
    if (!answer.ok && !overriddenBy && holder && holder !== staff.login) throw new AppError('COUNTER_IN_USE');
    const token = this.q.db.transaction(() => {
      if (overriddenBy) closeCounterSessions(this.q.db, counterNo);
      const t = openSession(this.q.db, staff.login, counterNo, this.q.now());
      this.record(change, staff);
      return t;
    })();
    this.heard(answer);
    return token;
  }

  /** Away, back in, or signed out (which ends the session). */
  async set(token: string, staff: StaffCredential, counterNo: number, state: PresenceState): Promise<void> {
    const change = this.change(staff.login, counterNo, state, null);
    this.q.db.transaction(() => {
      if (state === 'out') closeSession(this.q.db, token);
      else setSessionPresence(this.q.db, token, state);
      this.record(change, staff);
    })();
    this.heard(await this.post(change));
  }

  private change(staff: string, counterNo: number, state: PresenceState, overriddenBy: string | null): PresenceChange {
    return { id: ulid(), counterNo, staff, state, at: this.q.now().toISOString(), overriddenBy };
  }

  /** One answer for an unknown login, a wrong password and a clerk's login: nothing to probe. */
  private async supervisor(o: SupervisorOverride): Promise<string> {
    const s = getStaff(this.q.db, o.login.trim().toLowerCase());
    const ok = s && !s.disabled && OVERRIDING_ROLES.includes(s.role) && (await verifyStaffPassword(o.password, s.passwordHash));
    if (!s || !ok) throw new AppError('SUPERVISOR_REQUIRED');
    return s.login;
  }

  /** Who holds the counter as this terminal last heard: signed in there, present or away. */
  private holder(counterNo: number): string | null {
    const p = this.q.presence().find((x) => x.counterNo === counterNo);
    return p && p.state !== 'out' ? p.staff : null;
  }

  /** The change in this terminal's replica and outbox. Only the clerk who holds a counter empties it. */
  private record(c: PresenceChange, staff: StaffCredential): void {
    const holder = this.holder(c.counterNo);
    if (c.state === 'in' || holder === null || holder === c.staff) {
      const out = c.state === 'out';
      const p: CounterPresence = { counterNo: c.counterNo, staff: out ? null : c.staff, staffName: out ? null : staff.name, staffNumber: out ? null : staff.number, state: c.state, since: c.at };
      this.q.putPresence(p);
    }
    appendEvent(this.q.db, QUEUE_EVENTS.presence, c);
  }

  private post(c: PresenceChange): Promise<ServerAnswer<QueueState>> {
    return this.q.link.call('POST', '/api/queue/presence', c, (j) => QueueState.parse(j));
  }

  /** The hall's presence as the server answered it; the screens redraw either way. */
  private heard(answer: ServerAnswer<QueueState>): void {
    if (answer.ok) answer.value.presence.forEach((x) => this.q.putPresence(x));
    this.q.screens.send({ type: 'queue' });
  }
}

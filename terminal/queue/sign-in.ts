import { ulid } from 'ulid';
import {
  AppError,
  PresenceResponse,
  QUEUE_EVENTS,
  type CounterPresence,
  type PresenceChange,
  type PresenceRequest,
  type PresenceState,
  type StaffSummary,
} from '../../core/contract/index.js';
import { appendEvent } from '../../core/outbox/outbox.js';
import { getStaff } from '../../core/queue/reference.js';
import { closeCounterSessions, closeSession, openSession, sessionsHere, setSessionPresence, unknownLoginHash, verifyStaffPassword, type CounterSessionRow, type SessionExpiry } from '../../core/queue/sessions.js';
import type { HallQueue } from './hall-queue.js';
import type { ServerAnswer } from './server-link.js';

/** A supervisor's login and password, given at a clerk's sign-in to let them take a counter in use. */
export interface SupervisorOverride {
  login: string;
  password: string;
}

/**
 * Who is at which counter (issues 10, 11). Every change (signing in, stepping away, coming back,
 * signing out) is an outbox event in the same transaction as the session it changes, so one made
 * offline reaches the server on reconnect; while the server answers it is also posted at once with
 * the same id. Signing in while the server answers is the server's decision: it checks the password
 * (and a supervisor's, to take a counter in use) and issues a counter session that vouches for the
 * clerk's requests. Offline, the last credentials it sent decide, and no counter in use is taken.
 * One login is signed in at one counter at a time. The server checks the same (server/queue/presence).
 */
export class CounterSignIn {
  constructor(
    private readonly q: HallQueue,
    private readonly expiry: () => SessionExpiry,
  ) {}

  /** Signs a clerk in at a counter; answers the session's token and the clerk. */
  async signIn(login: string, password: string, counterNo: number, override: SupervisorOverride | null): Promise<{ token: string; staff: StaffSummary }> {
    const here = sessionsHere(this.q.db, this.expiry());
    if (here.some((s) => s.login === login && s.counterNo !== counterNo)) throw new AppError('SIGNED_IN_ELSEWHERE');
    const change = this.change(login, counterNo, 'in', override?.login ?? null);
    const request: PresenceRequest = { ...change, overriddenBy: null, password, supervisor: override };
    // The server's refusals (wrong password, not a clerk of this hall, signed in elsewhere, counter in use) reach the clerk from here.
    const answer = await this.q.link.call('POST', '/api/queue/presence', request, (j) => PresenceResponse.parse(j));
    const session = answer.ok ? answer.value.session : null;
    const staff = session?.clerk ?? (await this.offline(login, password, counterNo, override, here));
    const token = this.q.db.transaction(() => {
      if (override) closeCounterSessions(this.q.db, counterNo);
      const t = openSession(this.q.db, staff.login, counterNo, this.q.now(), this.q.today(), session?.token ?? null);
      this.record(change, staff);
      return t;
    })();
    this.heard(answer);
    return { token, staff: { login: staff.login, name: staff.name, number: staff.number } };
  }

  /**
   * The server did not answer: the last credentials it sent decide. An unknown login is checked
   * against a hash as costly as a real one, so time does not tell which logins exist.
   */
  private async offline(login: string, password: string, counterNo: number, override: SupervisorOverride | null, here: { login: string; counterNo: number }[]): Promise<StaffSummary> {
    const staff = getStaff(this.q.db, login);
    const ok = await verifyStaffPassword(password, staff?.passwordHash ?? (await unknownLoginHash()));
    if (!staff || staff.disabled || !ok) throw new AppError('WRONG_CREDENTIALS');
    if (staff.role !== 'clerk') throw new AppError('NOT_A_COUNTER_CLERK');
    // Only the server holds supervisors' passwords.
    if (override) throw new AppError('OVERRIDE_NEEDS_SERVER');
    const holder = this.holder(counterNo) ?? here.find((s) => s.counterNo === counterNo)?.login ?? null;
    if (holder && holder !== login) throw new AppError('COUNTER_IN_USE');
    return staff;
  }

  /** Away, back in, or signed out (which ends the session). */
  async set(s: CounterSessionRow, staff: StaffSummary, state: PresenceState): Promise<void> {
    const change = this.change(staff.login, s.counterNo, state, null);
    this.q.db.transaction(() => {
      if (state === 'out') closeSession(this.q.db, s);
      else setSessionPresence(this.q.db, s, state);
      this.record(change, staff);
    })();
    this.heard(await this.q.link.call('POST', '/api/queue/presence', change, (j) => PresenceResponse.parse(j), s.serverToken));
  }

  private change(staff: string, counterNo: number, state: PresenceState, overriddenBy: string | null): PresenceChange {
    return { id: ulid(), counterNo, staff, state, at: this.q.now().toISOString(), overriddenBy };
  }

  /** Who holds the counter as this terminal last heard: signed in there, present or away. */
  private holder(counterNo: number): string | null {
    const p = this.q.presence().find((x) => x.counterNo === counterNo);
    return p && p.state !== 'out' ? p.staff : null;
  }

  /** The change in this terminal's replica and outbox. Only the clerk who holds a counter empties it. */
  private record(c: PresenceChange, staff: StaffSummary): void {
    const holder = this.holder(c.counterNo);
    if (c.state === 'in' || holder === null || holder === c.staff) {
      const out = c.state === 'out';
      const p: CounterPresence = { counterNo: c.counterNo, staff: out ? null : c.staff, staffName: out ? null : staff.name, staffNumber: out ? null : staff.number, state: c.state, since: c.at };
      this.q.putPresence(p);
    }
    appendEvent(this.q.db, QUEUE_EVENTS.presence, c);
  }

  /** The hall's presence as the server answered it; the screens redraw either way. */
  private heard(answer: ServerAnswer<PresenceResponse>): void {
    if (answer.ok) answer.value.presence.forEach((x) => this.q.putPresence(x));
    this.q.screens.send({ type: 'queue' });
  }
}

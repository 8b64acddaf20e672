import { formatTrackingChars, TRACKING_ALPHABET, TRACKING_CHARS } from '../../core/common/tracking-code.js';
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { GENESIS_HASH, ratingHashInput } from '../../core/common/rating-chain.js';
import type { OpinionFiled, RatingRecord, StaffRole, Ticket } from '../../core/contract/index.js';
import { hashPassword } from '../auth/passwords.js';
import { action, CLERKS, queueFixture, ticketRequest, type QueueFixture, type TestTerminal } from '../queue/test-support.js';
import type { Backend } from '../test-db.js';

/**
 * The queue fixture plus the people of issue 5: an office clerk who calls back, two departments,
 * a discipline inspector, a supervisor, an admin and (from the queue fixture) counter clerks.
 */
export const PEOPLE = {
  office: { login: 'zhou.office', name: '周敏', number: 'O-01', role: 'office', unit: null },
  dept: { login: 'wu.dept', name: '吴刚', number: 'D-01', role: 'department', unit: '外资处' },
  otherDept: { login: 'zheng.dept', name: '郑丽', number: 'D-02', role: 'department', unit: '外贸处' },
  inspector: { login: 'sun.insp', name: '孙强', number: 'J-01', role: 'inspector', unit: null },
  supervisor: { login: 'qian.sup', name: '钱静', number: 'V-01', role: 'supervisor', unit: null },
  admin: { login: 'admin.a', name: '管理员', number: 'A-01', role: 'admin', unit: null },
  clerk: { login: 'wang.fang', name: '王芳', number: 'S-101', role: 'clerk', unit: null },
} as const satisfies Record<string, { login: string; name: string; number: string; role: StaffRole; unit: string | null }>;
export type Person = keyof typeof PEOPLE;

export const PASSWORD = 'supervision-pass-1';
let hash: Promise<string> | undefined;

export interface FeedbackFixture extends QueueFixture {
  /** A bearer token for that person (signed in once, then reused while it lasts). */
  token(who: Person): Promise<string>;
  /** A staff request; `token: null` sends none. */
  staff(who: Person | null, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Uploads events as the terminal's outbox would, numbering device seqs per terminal. */
  upload(t: TestTerminal, events: { type: string; payload: unknown }[]): Promise<number>;
  /** The whole answer of such an upload (for refusals). */
  uploadAnswer(t: TestTerminal, events: { type: string; payload: unknown }[]): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A ticket issued at `kiosk`, then called and finished through the queue API at the fixture's clock (finished a minute after). */
  serve(kiosk: TestTerminal, counter: TestTerminal, opts?: { counterNo?: number; staffNumber?: string; service?: string }): Promise<Ticket>;
}

export async function feedbackFixture(backend: Backend): Promise<FeedbackFixture> {
  const f = await queueFixture(backend);
  hash ??= hashPassword(PASSWORD);
  const password_hash = await hash;
  const extra = Object.values(PEOPLE).filter((p) => p.role !== 'clerk');
  await f.db
    .insertInto('staff')
    .values(extra.map((p) => ({ id: ulid(), ...p, password_hash, created_at: new Date(f.clock.now) })))
    .execute();
  await f.db.updateTable('staff').set({ password_hash }).where('login', '=', PEOPLE.clerk.login).execute();
  const tokens = new Map<Person, { token: string; expiresAt: number }>();
  const seqs = new Map<string, number>();
  const skips = new Map<string, number[]>();
  const fixture: FeedbackFixture = {
    ...f,
    async token(who) {
      // Sessions last hours; tests move the clock by weeks.
      const known = tokens.get(who);
      if (known && known.expiresAt > f.clock.now) return known.token;
      const res = await f.app.inject({ method: 'POST', url: '/api/staff/login', payload: { login: PEOPLE[who].login, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(res.body);
      const { token, expiresAt } = res.json() as { token: string; expiresAt: string };
      tokens.set(who, { token, expiresAt: Date.parse(expiresAt) });
      return token;
    },
    async staff(who, method, url, body) {
      const headers: Record<string, string> = who ? { authorization: `Bearer ${await fixture.token(who)}` } : {};
      const res = await f.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    },
    async upload(t, events) {
      const res = await fixture.uploadAnswer(t, events);
      if (res.status !== 200 || res.body.refused.length) throw new Error(JSON.stringify(res.body));
      return res.body.ackedThrough as number;
    },
    async uploadAnswer(t, events) {
      let seq = seqs.get(t.id) ?? 0;
      const body = {
        events: events.map((e) => ({ deviceSeq: ++seq, eventId: ulid(), type: e.type, payload: e.payload, createdAt: new Date(f.clock.now).toISOString() })),
        // What the server refused before is dead-lettered at the terminal and travels as skipped.
        skipped: [...(skips.get(t.id) ?? [])],
      };
      seqs.set(t.id, seq);
      const res = await t.call('POST', '/api/sync/events', body);
      for (const r of (res.body?.refused ?? []) as { deviceSeq: number }[]) skips.set(t.id, [...(skips.get(t.id) ?? []), r.deviceSeq]);
      return res;
    },
    async serve(kiosk, counter, opts = {}) {
      const staffNumber = opts.staffNumber ?? 'S-101';
      const staff = CLERKS.find((c) => c.number === staffNumber)?.login ?? 'wang.fang';
      const issued = await kiosk.call('POST', '/api/queue/tickets', ticketRequest(opts.service ?? 'A', null, f.clock.now));
      if (issued.status !== 200) throw new Error(JSON.stringify(issued.body));
      const ticketId = issued.body.ticket.id as string;
      const act = async (a: 'call' | 'finish') => {
        const res = await counter.call('POST', '/api/queue/actions', action({ action: a, ticketId, counterNo: opts.counterNo ?? 1, staff, staffNumber }, f.clock.now));
        if (res.status !== 200) throw new Error(JSON.stringify(res.body));
        return res.body.ticket as Ticket;
      };
      await act('call');
      f.clock.now += 60_000;
      return act('finish');
    },
  };
  return fixture;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The device id a fixture terminal enrolled with. */
export const deviceOf = (t: TestTerminal) => `dev-${t.id}`;

/** The rating fields a rating screen fills in from a finished ticket. */
export const ratingOf = (t: Ticket) => ({ serviceId: t.id, ticketNumber: t.number, counterNo: t.counterNo!, clerkNumber: t.calledBy!, service: t.service });

/** A terminal's rating chain, hashed as the terminal hashes it. */
export function ratingChain(deviceId: string) {
  let prevHash = GENESIS_HASH;
  let chainSeq = 0;
  return (r: Partial<RatingRecord> & Pick<RatingRecord, 'level' | 'recordedAt'>): RatingRecord => {
    const row = {
      id: ulid(),
      chainSeq: ++chainSeq,
      terminalDeviceId: deviceId,
      serviceId: ulid(),
      ticketNumber: `A${String(chainSeq).padStart(3, '0')}`,
      counterNo: 1,
      clerkNumber: 'S-101',
      service: 'A',
      matter: '对外贸易经营者备案',
      reasons: r.level !== null && r.level <= 2 ? (['attitude'] as RatingRecord['reasons']) : [],
      comment: null,
      channel: 'counter' as const,
      ...r,
      prevHash,
    };
    const hash = sha256(ratingHashInput(row));
    prevHash = hash;
    return { ...row, hash };
  };
}

export function opinion(o: Partial<OpinionFiled> = {}): OpinionFiled {
  const chars = Array.from({ length: TRACKING_CHARS }, () => TRACKING_ALPHABET[Math.floor(Math.random() * TRACKING_ALPHABET.length)]).join('');
  return {
    id: ulid(),
    trackingCode: formatTrackingChars(chars),
    kind: 'complaint',
    text: '窗口工作人员要求提供清单以外的材料。',
    prohibition: 3,
    phone: '13812345678',
    filedAt: '2026-03-02T09:40:00+08:00',
    ...o,
  };
}

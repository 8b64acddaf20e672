import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueActionName, Ticket } from '../../core/contract/index.js';
import { putStaff } from '../../core/queue/reference.js';
import { action, queueFixture, ticketRequest, type QueueFixture, type TestTerminal } from '../../server/queue/test-support.js';
import { backends } from '../../server/test-db.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';

/**
 * The queue's rules are one set: the same steps taken at the central server (online) and at a
 * terminal that cannot reach it (offline, deciding on its replica) leave every ticket the same.
 */

interface Step {
  action: QueueActionName;
  /** Index of the ticket acted on, in issue order; none for call-next. */
  ticket?: number;
  /** Call by the number typed in rather than by the ticket on screen. */
  byNumber?: boolean;
  toService?: string;
}

/** What a clerk sees after a step: the answer and the ticket as it now stands (numbers without the offline prefix). */
interface Seen {
  status: number;
  code: string | null;
  ticket: Omit<Ticket, 'id' | 'hall' | 'issuedAt' | 'offline' | 'enterprise' | 'appointmentId'> | null;
}

const LINES = ['A', 'B'];
const SEQUENCES: Record<string, { issue: string[]; steps: Step[] }> = {
  'call, recall, transfer, call in the new line, park, call back, no-show': {
    issue: ['A', 'A', 'B'],
    steps: [{ action: 'call-next' }, { action: 'recall', ticket: 0 }, { action: 'transfer', ticket: 0, toService: 'B' }, { action: 'call-next' }, { action: 'park', ticket: 2 }, { action: 'call', ticket: 2 }, { action: 'no-show', ticket: 2 }, { action: 'call-next' }, { action: 'finish', ticket: 0 }],
  },
  '"next" while serving is refused, and nothing is left called': {
    issue: ['A', 'A'],
    steps: [{ action: 'call-next' }, { action: 'call-next' }, { action: 'call', ticket: 1 }, { action: 'finish', ticket: 0 }, { action: 'call-next' }, { action: 'finish', ticket: 1 }, { action: 'call-next' }],
  },
  'call by number, then actions on a ticket not held here': {
    issue: ['A', 'B', 'A'],
    steps: [{ action: 'call', ticket: 2, byNumber: true }, { action: 'finish', ticket: 1 }, { action: 'recall', ticket: 2 }, { action: 'finish', ticket: 2 }, { action: 'finish', ticket: 2 }, { action: 'call', ticket: 2 }, { action: 'call', ticket: 1, byNumber: true }],
  },
};

const bare = (t: Ticket | null): Seen['ticket'] => {
  if (!t) return null;
  const { id: _id, hall: _hall, issuedAt: _at, offline: _off, enterprise: _e, appointmentId: _a, ...rest } = t;
  return { ...rest, number: rest.number.replace(/^[A-Z0-9]+-/, '') };
};
const seen = (status: number, body: { ticket?: Ticket | null; error?: { code: string } }): Seen => ({ status, code: body.error?.code ?? null, ticket: bare(body.ticket ?? null) });

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
}

describe.each(backends)('one set of queue rules: the server on $name and an offline terminal', (backend) => {
  let f: QueueFixture;
  let kiosk: TestTerminal;
  let counter: TestTerminal;
  let svc: RunningService;
  const clock = { now: Date.parse('2026-03-02T01:00:00Z') };

  beforeAll(async () => {
    f = await queueFixture(backend);
    kiosk = await f.terminal();
    counter = await f.terminal();
    svc = await startTestService({}, { now: () => new Date(clock.now) });
    putStaff(svc.db, { login: 'wang.fang', name: '王芳', number: 'S-101', role: 'clerk', passwordHash: scryptHash('correct horse battery'), disabled: false });
  });
  afterAll(async () => {
    await svc?.stop();
    await f?.close();
  });

  async function atServer(issue: string[], steps: Step[]): Promise<Seen[]> {
    const tickets: Ticket[] = [];
    f.clock.now = clock.now;
    for (const s of issue) tickets.push((await kiosk.call('POST', '/api/queue/tickets', ticketRequest(s, null, clock.now))).body.ticket);
    const out: Seen[] = [];
    for (const s of steps) {
      f.clock.now = clock.now += 60_000;
      const t = s.ticket === undefined ? null : tickets[s.ticket]!;
      const target = s.byNumber ? { number: t!.number } : { ticketId: t?.id ?? null };
      const res = await counter.call('POST', '/api/queue/actions', action({ action: s.action, services: LINES, toService: s.toService ?? null, ...target }, clock.now));
      out.push(seen(res.status, res.body));
      // Nobody is left called at a counter that moved on: counter 1 holds at most one ticket.
      const held = await f.db.selectFrom('tickets').select('number').where('state', '=', 'called').where('counter_no', '=', 1).where('id', 'in', tickets.map((x) => x.id)).execute();
      expect(held.length).toBeLessThanOrEqual(1);
    }
    return out;
  }

  async function atTerminal(issue: string[], steps: Step[]): Promise<Seen[]> {
    const call = async (url: string, body: unknown, token?: string) => {
      const res = await svc.app.inject({ method: 'POST', url, headers: { host: '127.0.0.1', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload: JSON.stringify(body) });
      return { status: res.statusCode, body: res.json() };
    };
    const tickets: Ticket[] = [];
    for (const s of issue) tickets.push((await call('/api/queue/tickets', { service: s, lang: 'zh-CN' })).body.ticket);
    const token = (await call('/api/counter/login', { login: 'wang.fang', password: 'correct horse battery', counterNo: 1 })).body.token as string;
    const out: Seen[] = [];
    for (const s of steps) {
      clock.now += 60_000;
      const t = s.ticket === undefined ? null : tickets[s.ticket]!;
      const target = s.byNumber ? { number: t!.number } : t ? { ticketId: t.id } : {};
      const res = await call('/api/counter/actions', { action: s.action, ...target, ...(s.toService ? { toService: s.toService } : {}) }, token);
      expect(res.body.offline ?? true, 'the terminal decided alone').toBe(true);
      out.push(seen(res.status, res.body));
    }
    await call('/api/counter/logout', {}, token);
    return out;
  }

  it.each(Object.entries(SEQUENCES))('%s', async (name, { issue, steps }) => {
    // Each sequence on a day of its own, so both sides number from 001.
    const day = (clock.now = Date.parse('2026-03-02T01:00:00Z') + Object.keys(SEQUENCES).indexOf(name) * 86_400_000);
    const online = await atServer(issue, steps);
    clock.now = day;
    const offline = await atTerminal(issue, steps);
    expect(offline).toEqual(online);
  });
});

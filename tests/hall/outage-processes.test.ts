import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, QueueState, type Ticket } from '../../core/contract/index.js';
import { tempDir } from '../../core/db/test-db.js';
import { SyncClient } from '../../core/sync/client.js';
import { loadServerConfig } from '../../server/config.js';
import { ensureHallConfig } from '../../server/halls/default.js';
import { createStaff } from '../../server/staff/repository.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { backends, type SharedDb } from '../../server/test-db.js';
import type { TerminalService } from '../../terminal/service.js';
import { api as terminalApi, CLERK_PASSWORD, freePort, startEnrolledTerminal } from '../e2e/hall-office.js';
import { startStallProxy, type StallProxy } from '../sync/stall-proxy.js';
import { until } from '../sync/upload-helpers.js';
import { serverProcess, type ServerProcess } from './server-process.js';

/**
 * Issue 10, findings 1–5, with the central server as its own process, killed with SIGKILL and
 * started again on the same database, and four terminal services (two kiosks, two counter PCs
 * that also drive a board), each on its own SQLite file, enrolled with one-time codes and talking
 * HTTP and WebSocket to it. Kiosk 1 reaches the server through a proxy whose line can be cut while
 * the server stays up for the others.
 *
 * Line A: wang.fang is its A clerk (counter 1), li.na its B clerk (counter 2), who serves it only
 * while wang.fang is not in. The clocks are the machine's: the hall's zone is picked so that it is
 * about noon there now, so no run crosses the hall's midnight or its close-out.
 */

/** An Etc/GMT zone in which it is now between 12:00 and 13:00. */
function noonZone(): string {
  const k = 12 - new Date().getUTCHours();
  return k === 0 ? 'Etc/GMT' : `Etc/GMT${k > 0 ? '-' : '+'}${Math.abs(k)}`;
}

type Pc = TerminalService;

/** A test with the server killed and started again: its start, and the terminals' reconnect backoff. */
const OUTAGE_MS = 90_000;

describe.each(backends)('the hall through a killed and restarted central server, on $name', (backend) => {
  const zone = noonZone();
  const tmp = tempDir('hall-outage-');
  let shared: SharedDb;
  let server: ServerProcess;
  let proxy: StallProxy;
  let k1: Pc; // through the proxy
  let k2: Pc;
  let c1: Pc; // counter 1, wang.fang
  let c2: Pc; // counter 2, li.na
  let wang = '';
  let li = '';
  const pcs = () => [k1, k2, c1, c2];

  beforeAll(async () => {
    shared = await backend.openShared();
    const db = await shared.connect();
    const codes: Record<string, string> = {};
    try {
      await ensureHallConfig(db, new Date());
      for (const [login, name, number] of [['wang.fang', '王芳', '0101'], ['li.na', '李娜', '0102'], ['zhang.wei', '张伟', '0103']] as const) {
        await createStaff(db, { login, name, number, role: 'clerk', hall: 'main' }, CLERK_PASSWORD, Date.now());
      }
      const roles = { 'kiosk-1': ['kiosk'], 'kiosk-2': ['kiosk'], 'counter-1': ['counter', 'hall'], 'counter-2': ['counter', 'hall'] } as const;
      for (const [name, r] of Object.entries(roles)) codes[name] = (await createTerminal(db, { name, hall: 'main', roles: [...r] }, Date.now(), loadServerConfig({}).enrollCodeTtlMs)).code;
    } finally {
      await db.destroy();
    }
    server = serverProcess({ ...shared.env, HALL_TIMEZONE: zone }, await freePort());
    await server.start();
    proxy = await startStallProxy(server.url);
    const env = { TIME_ZONE: zone };
    k1 = await startEnrolledTerminal(join(tmp.dir, 'kiosk-1'), proxy.url, codes['kiosk-1']!, 'kiosk', env);
    k2 = await startEnrolledTerminal(join(tmp.dir, 'kiosk-2'), server.url, codes['kiosk-2']!, 'kiosk', env);
    c1 = await startEnrolledTerminal(join(tmp.dir, 'counter-1'), server.url, codes['counter-1']!, 'counter', env);
    c2 = await startEnrolledTerminal(join(tmp.dir, 'counter-2'), server.url, codes['counter-2']!, 'counter', env);
  }, 60_000);
  afterAll(async () => {
    for (const pc of [k1, k2, c1, c2]) await pc?.stop();
    await proxy?.close();
    await server?.kill();
    await shared?.cleanup();
    tmp.cleanup();
  });

  const api = (pc: Pc, method: 'GET' | 'POST', path: string, body?: unknown, token?: string) => terminalApi(pc.url, method, path, body, token, 'en');
  const login = (pc: Pc, who: string, counterNo: number) => api(pc, 'POST', '/api/counter/login', { login: who, password: CLERK_PASSWORD, counterNo });
  const view = async (pc: Pc, token: string) => (await api(pc, 'GET', '/api/counter/queue', undefined, token)).json;
  const lineA = async (pc: Pc, token: string) => (await view(pc, token)).lines.find((l: { code: string }) => l.code === 'A');
  const presence = (pc: Pc, token: string, state: 'in' | 'away') => api(pc, 'POST', '/api/counter/presence', { state }, token);

  /** The hall's clock as this PC reads it: its own, corrected by the offset it measured. */
  const hallNow = (pc: Pc) => new SyncClient(pc.db).serverNow();
  let last = 0;
  /**
   * Runs a clerk's or visitor's action once this PC's hall clock has passed the last action's, so
   * the actions are in the hall's time in the order the test takes them, whichever PC acts.
   */
  async function inTurn<T>(pc: Pc, act: () => Promise<T>): Promise<T> {
    await until(() => hallNow(pc) > last, 5_000);
    const r = await act();
    last = hallNow(pc);
    return r;
  }
  const act = (pc: Pc, token: string, action: string, extra: Record<string, string> = {}) => inTurn(pc, () => api(pc, 'POST', '/api/counter/actions', { action, ...extra }, token));
  const issue = async (pc: Pc) => (await inTurn(pc, () => api(pc, 'POST', '/api/queue/tickets', { service: 'A', lang: 'zh-CN' }))).json.ticket as Ticket & { offline: boolean };

  /** The server's queue today, asked for as a terminal asks (signed by kiosk 2). */
  const serverState = async () => QueueState.parse(await new SyncClient(k2.db).request('GET', '/api/queue/state'));
  const onServer = async (number: string) => (await serverState()).tickets.find((t) => t.number === number);

  /** Who is called to which counter and how many wait in each line: as a board shows it. */
  const boardOf = async (pc: Pc) => {
    const b = (await api(pc, 'GET', '/api/board')).json;
    return { counters: b.counters.map((c: { counterNo: number; number: string | null }) => [c.counterNo, c.number]), waiting: b.waiting.map((w: { service: string; count: number }) => [w.service, w.count]) };
  };
  const serverBoard = async (like: Awaited<ReturnType<typeof boardOf>>) => {
    const s = await serverState();
    return {
      counters: like.counters.map(([no]: [number]) => [no, s.tickets.find((t) => t.state === 'called' && t.counterNo === no)?.number ?? null]),
      waiting: like.waiting.map(([code]: [string]) => [code, s.tickets.filter((t) => t.service === code && t.state === 'waiting').length]),
    };
  };
  /** Every PC online with nothing left to upload, and both counter PCs' boards as the server has it. */
  async function settled(): Promise<void> {
    await until(async () => {
      for (const pc of pcs()) {
        const s = (await api(pc, 'GET', '/api/status')).json;
        if (!s.online || s.backlog > 0) return false;
      }
      return true;
    }, 60_000);
    let seen = '';
    await until(async () => {
      const [one, two] = [await boardOf(c1), await boardOf(c2)];
      seen = JSON.stringify({ 'counter PC 1': one, 'counter PC 2': two, server: await serverBoard(one) });
      return JSON.stringify(one) === JSON.stringify(two) && JSON.stringify(one) === JSON.stringify(await serverBoard(one));
    }, 20_000).catch(() => {
      throw new Error(`The boards and the server disagree: ${seen}`);
    });
  }
  async function outage(during: () => Promise<void>): Promise<void> {
    await server.kill();
    await during();
    await server.start();
    await settled();
  }

  it('finding 5: one login at one counter, and a counter in use is not taken', async () => {
    // Staff accounts come down from the server first.
    await expect.poll(async () => (await login(c1, 'wang.fang', 1)).status, { timeout: 20_000 }).toBe(200);
    wang = (await login(c1, 'wang.fang', 1)).json.token;
    await expect.poll(async () => (await login(c2, 'li.na', 2)).status, { timeout: 20_000 }).toBe(200);
    li = (await login(c2, 'li.na', 2)).json.token;

    const twice = await login(c2, 'wang.fang', 3);
    expect([twice.status, twice.json.error]).toEqual([409, { code: 'SIGNED_IN_ELSEWHERE', message: ERROR_MESSAGES.en.SIGNED_IN_ELSEWHERE }]);
    const taken = await login(c2, 'zhang.wei', 1);
    expect([taken.status, taken.json.error]).toEqual([409, { code: 'COUNTER_IN_USE', message: ERROR_MESSAGES.en.COUNTER_IN_USE }]);
    const staffAt = async (pc: Pc, no: number) => (await api(pc, 'GET', '/api/board')).json.counters.find((c: { counterNo: number }) => c.counterNo === no).staffNumber;
    for (const pc of [c1, c2]) await expect.poll(() => staffAt(pc, 1), { timeout: 10_000 }).toBe('0101');
    expect(await staffAt(c2, 2)).toBe('0102');
  });

  let firstConflict = '';
  it('finding 1: both counters call A001 with the server down; after the restart the first keeps it, the other is told and let go', { timeout: OUTAGE_MS }, async () => {
    const numbers = [];
    for (let i = 0; i < 4; i++) numbers.push((await issue(k2)).number);
    expect(numbers).toEqual(['A001', 'A002', 'A003', 'A004']);
    for (const [pc, token] of [[c1, wang], [c2, li]] as const) {
      await expect.poll(async () => (await lineA(pc, token)).waiting.map((t: Ticket) => t.number), { timeout: 10_000 }).toEqual(numbers);
    }
    // wang.fang steps away: li.na's counter takes line A.
    await presence(c1, wang, 'away');
    await expect.poll(async () => (await lineA(c2, li)).active, { timeout: 10_000 }).toBe(true);

    let first: Ticket | null = null;
    let second: Ticket | null = null;
    await outage(async () => {
      // Finding 5: wang.fang is back in while the server is down; li.na's PC cannot know.
      expect((await presence(c1, wang, 'in')).json).toMatchObject({ presence: 'in', online: false });
      first = (await act(c1, wang, 'call-next')).json.ticket;
      second = (await act(c2, li, 'call-next')).json.ticket;
      expect([first?.number, second?.number]).toEqual(['A001', 'A001']);
    });

    const state = await serverState();
    expect(state.tickets.filter((t) => t.state === 'called').map((t) => [t.number, t.counterNo, t.calledAt])).toEqual([['A001', 1, first!.calledAt]]);
    // Nobody was handed A002 unasked.
    expect(['A002', 'A003', 'A004'].map((n) => state.tickets.find((t) => t.number === n)?.state)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(state.conflicts.map((c) => [c.number, c.kind, c.keptCounter, c.lostCounter])).toEqual([['A001', 'called-twice', 1, 2]]);
    firstConflict = state.conflicts[0]!.id;
    // The "back in" reached the server: line A is wang.fang's again, li.na's counter no longer serves it.
    expect(state.presence.find((p) => p.counterNo === 1)).toMatchObject({ staff: 'wang.fang', state: 'in' });
    await expect.poll(async () => (await lineA(c2, li)).active, { timeout: 10_000 }).toBe(false);

    const loser = await view(c2, li);
    expect(loser.current).toBeNull();
    expect(loser.conflicts.map((c: { number: string; keptCounter: number }) => [c.number, c.keptCounter])).toEqual([['A001', 1]]);
    const keeper = await view(c1, wang);
    expect([keeper.current?.number, keeper.conflicts]).toEqual(['A001', []]);
    // The clerk has read it: it is not shown again.
    expect((await api(c2, 'POST', `/api/counter/conflicts/${loser.conflicts[0].id}/read`, {}, li)).json.conflicts).toEqual([]);
    // The keeper's ticket answers as any other.
    expect((await act(c1, wang, 'finish')).json).toMatchObject({ offline: false, ticket: { number: 'A001', state: 'done' } });
  });

  it('finding 1, second round, and finding 4, in one outage: a ticket served at one counter stays served though the other marked it a no-show; a ticket called by its typed number and finished is done', { timeout: OUTAGE_MS }, async () => {
    expect((await act(c1, wang, 'call-next')).json.ticket.number).toBe('A002');
    await act(c1, wang, 'finish');
    await presence(c1, wang, 'away');
    await expect.poll(async () => (await lineA(c2, li)).active, { timeout: 10_000 }).toBe(true);

    let typed = '';
    await outage(async () => {
      await presence(c1, wang, 'in');
      // Counter 1 calls A003 first and marks it a no-show; counter 2 then calls A003 too, serves it, and calls A004; counter 1 calls A004.
      expect((await act(c1, wang, 'call-next')).json.ticket.number).toBe('A003');
      expect((await act(c1, wang, 'no-show')).json.ticket).toMatchObject({ number: 'A003', state: 'no-show' });
      expect((await act(c2, li, 'call-next')).json.ticket.number).toBe('A003');
      expect((await act(c2, li, 'finish')).json.ticket).toMatchObject({ number: 'A003', state: 'done' });
      expect((await act(c2, li, 'call-next')).json.ticket.number).toBe('A004');
      expect((await act(c1, wang, 'call-next')).json.ticket.number).toBe('A004');
      expect((await act(c2, li, 'finish')).json.ticket).toMatchObject({ number: 'A004', state: 'done' });
      // Finding 4: kiosk 1 numbers a ticket itself, which neither counter PC has heard of; counter 2 calls it by its number and serves it.
      const t = await issue(k1);
      typed = t.number;
      expect([t.offline, typed]).toEqual([true, expect.stringMatching(/^T\d+-A001$/)]);
      expect((await act(c2, li, 'call', { number: typed })).json).toMatchObject({ offline: true, ticket: { number: typed, state: 'called' } });
      expect((await act(c2, li, 'finish')).json).toMatchObject({ offline: true, ticket: { number: typed, state: 'done' } });
    });

    expect(await onServer('A003')).toMatchObject({ state: 'done', counterNo: 2 });
    expect(await onServer('A004')).toMatchObject({ state: 'done', counterNo: 2 });
    const conflicts = (await serverState()).conflicts;
    // A001's is the same record: counter 1 has served it since, so it now says so.
    expect(conflicts.map((c) => [c.number, c.kind, c.keptCounter, c.lostCounter])).toEqual([
      ['A001', 'served-elsewhere', 1, 2],
      ['A003', 'served-elsewhere', 2, 1],
      ['A004', 'served-elsewhere', 2, 1],
    ]);
    expect(new Set(conflicts.map((c) => c.id)).size).toBe(3);
    expect(conflicts[0]!.id).toBe(firstConflict);
    // Counter 1 lets go of A004 and is told of both; counter 2, which kept them, is told of nothing new.
    expect((await view(c1, wang)).current).toBeNull();
    expect((await view(c1, wang)).conflicts.map((c: { number: string }) => c.number)).toEqual(['A003', 'A004']);
    expect((await view(c2, li)).conflicts).toEqual([]);

    // Finding 4: the typed number's ticket is done on the server, at counter 2, and is nobody's current ticket.
    expect(await onServer(typed)).toMatchObject({ state: 'done', counterNo: 2, calledBy: '0102' });
    expect((await view(c2, li)).current).toBeNull();
    // One ticket of that number on counter 2's PC: its placeholder gave way to the kiosk's ticket.
    expect(c2.db.prepare('SELECT count(*) AS n FROM queue_ticket WHERE number = ?').get(typed)).toEqual({ n: 1 });
  });

  it('finding 2: tickets a cut-off kiosk issued, interleaved with online ones, are listed and called in issue order', async () => {
    proxy.cut();
    const issued = [];
    for (const pc of [k1, k2, k1, k2, k2]) {
      const t = await issue(pc);
      expect(t.offline).toBe(pc === k1);
      issued.push(t.number);
    }
    proxy.resume();
    await expect.poll(async () => (await lineA(c1, wang)).waiting.map((t: Ticket) => t.number), { timeout: 30_000 }).toEqual(issued);
    const called = [];
    for (let i = 0; i < issued.length; i++) {
      called.push((await act(c1, wang, 'call-next')).json.ticket.number);
      await act(c1, wang, 'finish');
    }
    expect(called).toEqual(issued);
  });

  it('finding 3: one appointment, one ticket; an offline check-in of one checked in elsewhere is flagged, not promoted', async () => {
    const hallDate = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const book = async () => {
      const res = await api(c1, 'POST', '/api/counter/appointments', { enterprise: '哈尔滨拍卖行有限公司', contactPhone: '13900001111', matter: '拍卖业务许可', procedureCode: null, service: 'A', date: hallDate, from: '08:00', to: '18:00' }, wang);
      expect(res.status).toBe(200);
      const known = (pc: Pc) => (pc.db.prepare('SELECT count(*) AS n FROM appointment WHERE id = ?').get(res.json.id) as { n: number }).n === 1;
      await until(() => known(k1) && known(k2), 20_000);
      return res.json as { id: string; code: string };
    };
    const checkIn = (pc: Pc, code: string) => inTurn(pc, () => api(pc, 'POST', '/api/checkin', { by: 'code', code, last4: '1111', lang: 'zh-CN', print: true }));

    const once = await book();
    const answers = await Promise.all([checkIn(k1, once.code), checkIn(k2, once.code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error.code).toBe('ALREADY_CHECKED_IN');
    expect((await serverState()).tickets.filter((t) => t.appointmentId === once.id)).toHaveLength(1);
    await act(c1, wang, 'call-next');
    await act(c1, wang, 'finish');

    const twice = await book();
    proxy.cut();
    const online = (await checkIn(k2, twice.code)).json.ticket as Ticket;
    const walkIn = (await issue(k2)).number;
    const offline = await checkIn(k1, twice.code);
    expect([offline.status, offline.json.ticket.offline]).toEqual([200, true]);
    proxy.resume();
    await expect
      .poll(async () => (await lineA(c1, wang)).waiting.map((t: Ticket) => [t.number, t.appointmentFlag]), { timeout: 30_000 })
      .toEqual([
        [online.number, null],
        [walkIn, null],
        [offline.json.ticket.number, 'checked-in-twice'],
      ]);
    expect((await serverState()).tickets.filter((t) => t.appointmentId === twice.id).map((t) => t.appointmentFlag)).toEqual([null, 'checked-in-twice']);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../core/contract/index.js';
import { tempDir } from '../../core/db/test-db.js';
import { pendingCount } from '../../core/outbox/outbox.js';
import { getAppointment, putAppointment } from '../../core/queue/reference.js';
import { revokePairing, startPairing } from '../../core/screens/pairing.js';
import { todaysAppointment } from '../../terminal/test-appointments.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';
import { putTestStaff, TEST_PASSWORD } from '../../terminal/test-staff.js';
import { cookieOf, FORGED, lanAddress, liveSocket, peerRequest } from './lan-peer.js';

// A terminal bound to 0.0.0.0 (a hall TV over the LAN), reached from this machine's network
// address: to the service that is another computer, whatever Host and Origin it sends.

const screens = tempDir('lan-screens-');
let svc: RunningService;
let lan: string;
let local: string;
let booked: Appointment;

beforeAll(async () => {
  mkdirSync(join(screens.dir, 'assets'));
  writeFileSync(join(screens.dir, 'index.html'), '<!doctype html><title>screens</title><script src="/assets/screens.js"></script>');
  writeFileSync(join(screens.dir, 'assets/screens.js'), 'console.log("screens")');
  svc = await startTestService({ HOST: '0.0.0.0', ROLE: 'counter', RENDERER_DIR: screens.dir });
  const port = new URL(svc.url).port;
  lan = `http://${lanAddress()}:${port}`;
  local = `http://127.0.0.1:${port}`;
  putTestStaff(svc.db, [['wang.fang', '王芳', '0101']]);
  booked = todaysAppointment(svc, { phoneMasked: '138****8801', phoneLast4: '8801' });
  putAppointment(svc.db, booked);
});
afterAll(async () => {
  await svc?.stop();
  screens.cleanup();
});

const json = (body?: unknown) => body;
const clerk = { login: 'wang.fang', password: TEST_PASSWORD, counterNo: 1 };
const signInLocally = async () => (await peerRequest(`${local}/api/counter/login`, 'POST', {}, clerk)).json.token as string;

/** The attacks of issue 11 §4, and the rest of the kiosk's and counter's routes. */
const ATTACKS: [method: 'GET' | 'POST', path: string, body?: unknown][] = [
  ['GET', '/api/checkin/phone?last4=8801'],
  ['POST', '/api/checkin', json({ by: 'code', code: '482913', print: false })],
  ['POST', '/api/counter/login', clerk],
  ['GET', '/api/counter/queue'],
  ['POST', '/api/rating', { serviceId: ulid(), rating: { level: 1 } }],
  ['POST', '/api/rating/ticket', { number: 'K-A001', rating: { level: 1 } }],
  ['GET', '/api/rating/prompt'],
  ['POST', '/api/queue/tickets', { service: 'A', print: false }],
  ['POST', '/api/opinions', { kind: 'complaint', text: 'x' }],
  ['GET', '/api/status'],
  ['GET', '/api/health'],
  ['GET', '/api/openapi.json'],
  ['GET', '/api/procedures?q=pm'],
  ['GET', '/kiosk'],
  ['GET', '/counter'],
  ['GET', '/rating'],
  ['GET', '//api/checkin/phone?last4=8801'],
  ['GET', '/api/nothing-here'],
];

describe('a terminal listening beyond loopback, seen from another computer', () => {
  it('serves the call board: its page, its scripts and /api/board; "/" leads to it', async () => {
    const page = await peerRequest(`${lan}/hall`, 'GET', FORGED);
    expect(page.status).toBe(200);
    expect(page.text).toContain('/assets/screens.js');
    expect((await peerRequest(`${lan}/assets/screens.js`, 'GET')).status).toBe(200);
    const board = await peerRequest(`${lan}/api/board`, 'GET', FORGED);
    expect(board.status).toBe(200);
    expect(board.json.counters.length).toBeGreaterThan(0);
    const root = await peerRequest(`${lan}/`, 'GET');
    expect([root.status, root.headers.location]).toEqual([302, '/hall']);
  });

  it('refuses everything else with a translated error, forged Host and Origin or not, and changes nothing', async () => {
    const state = () => ({ outbox: pendingCount(svc.db), waiting: svc.runtime.queue.lines('zh-CN').lines.map((l) => l.waiting), calls: svc.runtime.queue.board().recent.length });
    const before = state();
    for (const [method, path, body] of ATTACKS) {
      for (const headers of [FORGED, {}]) {
        const res = await peerRequest(`${lan}${path}`, method, headers, body);
        expect([res.status, res.json?.error?.code], `${method} ${path}`).toEqual([403, 'SCREEN_NOT_PAIRED']);
        expect(res.json.error.message).toContain('配对');
      }
    }
    const en = await peerRequest(`${lan}/api/checkin/phone?last4=8801`, 'GET', { ...FORGED, 'accept-language': 'en' });
    expect(en.json.error.message).toContain('not paired');
    const ru = await peerRequest(`${lan}/api/checkin/phone?last4=8801`, 'GET', { ...FORGED, 'accept-language': 'ru' });
    expect(ru.json.error.message).toContain('не сопряжён');
    expect(getAppointment(svc.db, booked.id)?.state).toBe('booked');
    expect(state()).toEqual(before);
    // No clerk was signed in: the counter is still free for its own clerk on this PC.
    expect((await peerRequest(`${local}/api/counter/login`, 'POST', {}, clerk)).status).toBe(200);
  });

  it('streams only board messages to it: a call arrives, a status change and a rating prompt do not', async () => {
    const remote = await liveSocket(`${lan.replace('http', 'ws')}/api/live`, FORGED);
    const screen = await liveSocket(`${local.replace('http', 'ws')}/api/live`);
    try {
      const token = await signInLocally();
      const ticket = (await peerRequest(`${local}/api/queue/tickets`, 'POST', {}, { service: 'A', print: false })).json.ticket.number as string;
      const bearer = { authorization: `Bearer ${token}` };
      expect((await peerRequest(`${local}/api/counter/actions`, 'POST', bearer, { action: 'call-next' })).json.ticket.number).toBe(ticket);
      svc.runtime.link.set(!svc.runtime.link.online);
      expect((await peerRequest(`${local}/api/counter/actions`, 'POST', bearer, { action: 'finish' })).status).toBe(200);
      await expect.poll(() => screen.types()).toEqual(expect.arrayContaining(['hello', 'call', 'status', 'rating', 'queue']));
      // A last call: once it is there, everything sent before it would be too.
      const next = (await peerRequest(`${local}/api/queue/tickets`, 'POST', {}, { service: 'A', print: false })).json.ticket.number as string;
      await peerRequest(`${local}/api/counter/actions`, 'POST', bearer, { action: 'call-next' });
      await expect.poll(() => remote.got.filter((m) => m.type === 'call').map((m) => (m as { number: string }).number)).toEqual([ticket, next]);
      expect(new Set(remote.types())).toEqual(new Set(['call', 'queue']));
      await peerRequest(`${local}/api/counter/actions`, 'POST', bearer, { action: 'finish' });
      await peerRequest(`${local}/api/counter/logout`, 'POST', bearer, {});
    } finally {
      remote.ws.close();
      screen.ws.close();
    }
  });
});

describe('a screen paired with `npm run terminal:pair`', () => {
  const pair = async (roles: Parameters<typeof startPairing>[1]) => {
    const { code } = startPairing(svc.db, roles, roles.join('+'), new Date());
    const res = await peerRequest(`${lan}/api/pair`, 'POST', {}, { code: code.toLowerCase() });
    expect(res.status, res.text).toBe(200);
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect(res.json.roles).toEqual(roles);
    return { code, cookie: cookieOf(res) };
  };

  it('a kiosk opens the kiosk routes and page, never a counter route; its code works once', async () => {
    const { code, cookie } = await pair(['kiosk']);
    const as = { ...FORGED, origin: lan, host: new URL(lan).host, cookie };
    expect((await peerRequest(`${lan}/kiosk`, 'GET', as)).status).toBe(200);
    const found = await peerRequest(`${lan}/api/checkin/phone?last4=8801`, 'GET', as);
    expect([found.status, found.json.appointments?.length]).toEqual([200, 1]);
    for (const [method, path, body] of [['POST', '/api/counter/login', clerk], ['GET', '/api/counter/queue'], ['GET', '/counter'], ['GET', '/api/rating/prompt'], ['GET', '/api/status']] as const) {
      const res = await peerRequest(`${lan}${path}`, method, as, body);
      expect([res.status, res.json?.error?.code], path).toEqual([403, 'SCREEN_ROLE_FORBIDDEN']);
    }
    const again = await peerRequest(`${lan}/api/pair`, 'POST', {}, { code });
    expect([again.status, again.json.error.code]).toEqual([403, 'PAIRING_CODE_INVALID']);
    // Another site's page in that browser cannot ride on the cookie.
    const foreign = await peerRequest(`${lan}/api/checkin/phone?last4=8801`, 'GET', { ...as, origin: 'http://evil.example' });
    expect([foreign.status, foreign.json.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a counter screen signs a clerk in and serves the counter; a kiosk route stays closed', async () => {
    const { cookie } = await pair(['counter']);
    const as = { cookie };
    const session = await peerRequest(`${lan}/api/counter/login`, 'POST', as, { ...clerk, counterNo: 2 });
    expect(session.status, session.text).toBe(200);
    const bearer = { ...as, authorization: `Bearer ${session.json.token}` };
    expect((await peerRequest(`${lan}/api/counter/queue`, 'GET', bearer)).status).toBe(200);
    expect((await peerRequest(`${lan}/api/checkin`, 'POST', as, { by: 'code', code: '482913', print: false })).json.error.code).toBe('SCREEN_ROLE_FORBIDDEN');
    expect((await peerRequest(`${lan}/api/counter/logout`, 'POST', bearer, {})).status).toBe(200);
  });

  it('a rating screen gets its prompts live but no status; revoked, it is a stranger again', async () => {
    const { cookie } = await pair(['rating']);
    const rating = await liveSocket(`${lan.replace('http', 'ws')}/api/live`, { cookie });
    try {
      expect((await peerRequest(`${lan}/api/rating/prompt`, 'GET', { cookie })).status).toBe(200);
      const token = await signInLocally();
      const bearer = { authorization: `Bearer ${token}` };
      await peerRequest(`${local}/api/queue/tickets`, 'POST', {}, { service: 'A', print: false });
      await peerRequest(`${local}/api/counter/actions`, 'POST', bearer, { action: 'call-next' });
      svc.runtime.link.set(!svc.runtime.link.online);
      await peerRequest(`${local}/api/counter/actions`, 'POST', bearer, { action: 'finish' });
      await peerRequest(`${local}/api/counter/logout`, 'POST', bearer, {});
      await expect.poll(() => rating.types()).toContain('rating');
      expect(new Set(rating.types())).toEqual(new Set(['hello', 'rating']));
    } finally {
      rating.ws.close();
    }
    const id = (svc.db.prepare("SELECT id FROM screen_pairing WHERE name = 'rating'").get() as { id: string }).id;
    revokePairing(svc.db, id, new Date());
    expect((await peerRequest(`${lan}/api/rating/prompt`, 'GET', { cookie })).json.error.code).toBe('SCREEN_NOT_PAIRED');
  });

  it('is stored as hashes only: neither the code nor the token is in the database', async () => {
    const { code, cookie } = await pair(['hall']);
    const stored = JSON.stringify(svc.db.prepare('SELECT * FROM screen_pairing').all());
    expect(stored).not.toContain(cookie.split('=')[1]);
    expect(stored).not.toContain(code.replace('-', ''));
  });
});

describe('screens on the terminal’s own PC', () => {
  it('work as before, and a forged Host from this PC is still refused', async () => {
    expect((await peerRequest(`${local}/api/checkin/phone?last4=8801`, 'GET')).status).toBe(200);
    expect((await peerRequest(`${local}/api/health`, 'GET')).status).toBe(200);
    expect((await peerRequest(`${local}/kiosk`, 'GET')).status).toBe(200);
    const rebound = await peerRequest(`${local}/api/health`, 'GET', { host: 'evil.example:4780' });
    expect([rebound.status, rebound.json.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});

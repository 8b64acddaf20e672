import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { monotonicFactory, ulid } from 'ulid';
import WebSocket from 'ws';
import { canonicalRequest, CLERK_SESSION_HEADER, LIVE_PATH, type HallConfig, type LiveMessage, type QueueAction, type TerminalRole, type Ticket } from '../../core/contract/index.js';
import { loadServerConfig, type ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { DEFAULT_HALL_FILE } from '../halls/default.js';
import { importHallConfig } from '../halls/repository.js';
import { buildServerApp } from '../http/app.js';
import { hashPassword } from '../auth/passwords.js';
import { importServerCatalog } from '../sync/catalog.js';
import { LiveHub } from '../sync/live.js';
import { createTerminal } from '../terminals/repository.js';
import type { Backend, TestDb } from '../test-db.js';

/**
 * A central server for queue tests: the default hall plus a second one, staff to act with, and
 * terminals that sign their requests like real ones (an independent signer: server code may not
 * import core/sync). The clock is the test's.
 */
export interface QueueFixture {
  db: ServerDb;
  app: FastifyInstance;
  hub: LiveHub;
  config: ServerConfig;
  clock: { now: number };
  terminal(hall?: string, roles?: TerminalRole[]): Promise<TestTerminal>;
  close(): Promise<void>;
}

export interface TestTerminal {
  id: string;
  hall: string;
  headers(method: string, path: string, body?: string): Record<string, string>;
  /** Status and parsed body of a signed request. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A signed live socket on the listening server, collecting every message. */
  live(url: string): Promise<{ messages: LiveMessage[]; close(): void }>;
  /** Signs a clerk in at a counter with their password; the terminal's calls then carry the counter session the server issued. */
  asClerk(login: string, counterNo?: number): Promise<TestTerminal & { clerkToken: string }>;
}

/** The password of the fixture's clerks. */
export const CLERK_PASSWORD = 'counter-password-1';

export const START = Date.parse('2026-03-02T01:30:00Z'); // 09:30 in Shanghai

export const SEED_CATALOG_FILE = new URL('../../assets/catalog/commerce.json', import.meta.url);
const liveProcedures = (JSON.parse(readFileSync(SEED_CATALOG_FILE, 'utf8')) as { procedures: { code: string; abolished?: unknown }[] }).procedures.filter((p) => !p.abolished).map((p) => p.code);

/** A second, small hall: one line serves every live procedure of the seed catalog, so that catalog imports. */
export const OTHER_HALL: HallConfig = {
  hall: 'east',
  services: [{ code: 'A', name: { 'zh-CN': '综合受理' }, counters: [1], procedures: liveProcedures, aClerk: null, bClerk: null }],
  counters: [1],
};

export const CLERKS = [
  { login: 'wang.fang', name: '王芳', number: 'S-101', role: 'clerk' as const, hall: 'main' },
  { login: 'li.na', name: '李娜', number: 'S-102', role: 'clerk' as const, hall: 'main' },
  { login: 'zhang.wei', name: '张伟', number: 'S-103', role: 'clerk' as const, hall: 'main' },
  { login: 'liu.yang', name: '刘洋', number: 'S-104', role: 'clerk' as const, hall: 'main' },
  { login: 'chen.dong', name: '陈东', number: 'S-201', role: 'clerk' as const, hall: 'east' },
];

let passwordHash: Promise<string> | undefined;

/** `catalog`: the server also holds the seed catalog (as the embedded office's does), imported after the halls. */
export async function queueFixture(backend: Backend, opts: { catalog?: boolean } = {}): Promise<QueueFixture> {
  const t: TestDb = await backend.open();
  const clock = { now: START };
  const config: ServerConfig = { ...loadServerConfig({}), now: () => clock.now };
  const hub = new LiveHub();
  const app = await buildServerApp(t.db, config, { live: hub, livePollMs: 50 });
  const imported = await importHallConfig(t.db, JSON.stringify([JSON.parse(readFileSync(DEFAULT_HALL_FILE, 'utf8')), OTHER_HALL]), new Date(clock.now));
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  if (opts.catalog) {
    const cat = await importServerCatalog(t.db, readFileSync(SEED_CATALOG_FILE, 'utf8'), new Date(clock.now));
    if (!cat.ok) throw new Error(JSON.stringify(cat.issues));
  }
  // One scrypt hash for every fixture: staff creation itself is tested in server/staff.
  passwordHash ??= hashPassword(CLERK_PASSWORD);
  const hash = await passwordHash;
  await t.db
    .insertInto('staff')
    .values(CLERKS.map((c) => ({ id: ulid(), ...c, password_hash: hash, created_at: new Date(clock.now) })))
    .execute();

  return {
    db: t.db,
    app,
    hub,
    config,
    clock,
    async terminal(hall = 'main', roles: TerminalRole[] = ['kiosk', 'counter']) {
      const { terminal, code } = await createTerminal(t.db, { name: `T-${ulid()}`, hall, roles }, clock.now, config.enrollCodeTtlMs);
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const res = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code, publicKey: publicKey.export({ format: 'jwk' }).x!, deviceId: `dev-${terminal.id}` } });
      if (res.statusCode !== 200) throw new Error(res.body);
      return signer(terminal.id, hall, privateKey, app, clock);
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}

function signer(id: string, hall: string, key: KeyObject, app: FastifyInstance, clock: { now: number }, clerkToken?: string): TestTerminal {
  const headers = (method: string, path: string, body = '') => {
    const timestamp = String(clock.now);
    const nonce = randomBytes(16).toString('hex');
    const msg = canonicalRequest({ method, path, timestamp, nonce, bodySha256: createHash('sha256').update(body).digest('hex') });
    return { 'x-terminal-id': id, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': sign(null, Buffer.from(msg), key).toString('base64url') };
  };
  return {
    id,
    hall,
    headers,
    async call(method, path, body) {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const res = await app.inject({
        method,
        url: path,
        headers: {
          ...headers(method, path, payload),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(clerkToken ? { [CLERK_SESSION_HEADER]: clerkToken } : {}),
        },
        ...(body === undefined ? {} : { payload }),
      });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    },
    live(url) {
      const messages: LiveMessage[] = [];
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${LIVE_PATH}`, { headers: headers('GET', LIVE_PATH) });
      ws.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
      return new Promise((resolve, reject) => {
        ws.once('open', () => resolve({ messages, close: () => ws.close() }));
        ws.once('error', reject);
      });
    },
    async asClerk(login, counterNo = 1) {
      const res = await this.call('POST', '/api/queue/presence', { counterNo, staff: login, state: 'in', password: CLERK_PASSWORD });
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      const token = res.body.session.token as string;
      return { ...signer(id, hall, key, app, clock, token), clerkToken: token };
    },
  };
}

/** A second app on the fixture's database, logging like the real server does; `log()` is all it wrote. */
export async function loggingApp(f: Pick<QueueFixture, 'db' | 'config'>): Promise<{ app: FastifyInstance; log: () => string }> {
  let text = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const app = await buildServerApp(f.db, f.config, { logger: true, logStream: stream });
  return { app, log: () => text };
}

/** A counter's action with the defaults a counter PC fills in. */
export function action(a: Partial<QueueAction> & Pick<QueueAction, 'action'>, now = START): QueueAction {
  return {
    actionId: ulid(),
    hall: 'main',
    counterNo: 1,
    staff: 'wang.fang',
    staffNumber: 'S-101',
    ticketId: null,
    number: null,
    services: [],
    toService: null,
    at: new Date(now).toISOString(),
    ...a,
  };
}

/**
 * Ticket ids that grow with each call, even within one millisecond: tickets issued one after another
 * at the test's pinned instant keep that order (queueOrder breaks a tie of issue times by id).
 */
export const ticketId = monotonicFactory();

export function ticketRequest(service: string, appointmentId: string | null = null, now = START) {
  return { id: ticketId(), service, appointmentId, issuedAt: new Date(now).toISOString() };
}

/** Waits for `cond`, checking every 20 ms, for at most 10 s. */
export async function until(what: string, cond: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A terminal's outbox, uploading its events in device_seq order like core/sync/upload.ts. */
export function outbox(t: TestTerminal) {
  const events: { deviceSeq: number; eventId: string; type: string; payload: unknown; createdAt: string }[] = [];
  return {
    add(type: string, payload: unknown) {
      events.push({ deviceSeq: events.length + 1, eventId: ulid(), type, payload, createdAt: new Date(START).toISOString() });
    },
    upload: (from = 0) => t.call('POST', '/api/sync/events', { events: events.slice(from), skipped: [] }),
  };
}

/** A ticket a kiosk numbered itself while offline (T9-A001), as its outbox holds it. */
export function offlineTicket(prefix: string, n: number, service = 'A', issuedAt = START): Ticket {
  return {
    id: ticketId(),
    hall: 'main',
    number: `${prefix}-${service}${String(n).padStart(3, '0')}`,
    service,
    state: 'waiting',
    appointmentId: null,
    enterprise: null,
    issuedAt: new Date(issuedAt).toISOString(),
    offline: true,
    counterNo: null,
    calledAt: null,
    calledBy: null,
    callCount: 0,
    finishedAt: null,
    appointmentFlag: null,
  };
}

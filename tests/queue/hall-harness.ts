import { randomBytes, scryptSync } from 'node:crypto';
import type { Ticket } from '../../core/contract/index.js';
import { Downloader } from '../../core/sync/downloader.js';
import { Uploader } from '../../core/sync/upload.js';
import { putStaff } from '../../core/queue/reference.js';
import { CLERK_PASSWORD, CLERKS, queueFixture, type QueueFixture } from '../../server/queue/test-support.js';
import type { Backend } from '../../server/test-db.js';
import { createTerminal } from '../../server/terminals/repository.js';
import { startTestService, type RunningService } from '../../terminal/test-service.js';

/**
 * A hall on one clock, all real but in one process: the central server (queueFixture) listening on
 * loopback, and terminal services with their own SQLite files, enrolled with it and talking HTTP.
 * Each terminal's link can be cut (its requests fail as on a dead network) and restored; what a
 * real service does by timer or live push (upload, download, queue refresh) the test does by `sync()`.
 */
export interface HallTerminal extends RunningService {
  cut(): void;
  restore(): void;
  /** Uploads the outbox, pulls reference data and refreshes the queue from the server. */
  sync(): Promise<void>;
  call(method: 'GET' | 'POST', url: string, body?: unknown, token?: string): Promise<{ status: number; json: any }>;
  signIn(login: string, counterNo: number): Promise<string>;
}

/** The clerks' password on the server and in the terminals' replicas alike. */
export const PASSWORD = CLERK_PASSWORD;

export async function startHall(backend: Backend, start: number) {
  const f: QueueFixture = await queueFixture(backend);
  f.clock.now = start;
  const url = await f.app.listen({ host: '127.0.0.1', port: 0 });
  const salt = randomBytes(16);
  const hash = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
  const terminals: RunningService[] = [];

  /**
   * `skewMs`: this PC's clock runs that far off the server's; its queue then reads the time as a real
   * terminal does, its own clock corrected by the offset it measured.
   */
  async function terminal(roles: ('kiosk' | 'counter')[], opts: { skewMs?: number } = {}): Promise<HallTerminal> {
    let cut = false;
    const net: typeof fetch = (input, init) => (cut ? Promise.reject(new TypeError('fetch failed: link cut')) : fetch(input, init));
    const skew = opts.skewMs;
    const clock = skew === undefined ? { now: () => f.clock.now } : { now: () => f.clock.now + skew, sinceBoot: () => f.clock.now - start };
    // Simulated days jump the clock by hours: no sign-in here ends for idling (terminal/queue/sign-in.test.ts proves that it does).
    const svc = await startTestService({ ROLE: roles[0], COUNTER_IDLE_MINUTES: '1440' }, skew === undefined ? { now: () => new Date(f.clock.now) } : {}, { fetch: net, ...clock });
    terminals.push(svc);
    const { code } = await createTerminal(f.db, { name: `T-${terminals.length}`, hall: 'main', roles }, f.clock.now, f.config.enrollCodeTtlMs);
    await svc.runtime.client.enroll(url, code);
    for (const c of CLERKS.map((x) => x.login)) putStaff(svc.db, { login: c, name: c, number: c, role: 'clerk', passwordHash: hash, disabled: false });
    const call: HallTerminal['call'] = async (method, path, body, token) => {
      const res = await svc.app.inject({
        method,
        url: path,
        headers: { host: '127.0.0.1', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        payload: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.statusCode, json: res.json() };
    };
    const t: HallTerminal = {
      ...svc,
      cut: () => void (cut = true),
      restore: () => void (cut = false),
      call,
      async signIn(login, counterNo) {
        return (await call('POST', '/api/counter/login', { login, password: PASSWORD, counterNo })).json.token as string;
      },
      async sync() {
        const up = new Uploader(svc.db, svc.runtime.client, { now: () => new Date(f.clock.now) });
        while ((await up.round()).kind === 'sent');
        await new Downloader(svc.db, svc.runtime.client).pull();
        await svc.runtime.queue.refresh();
      },
    };
    await t.sync();
    return t;
  }

  return {
    f,
    terminal,
    async close() {
      for (const t of terminals) await t.stop();
      await f.close();
    },
  };
}

/** The numbers a counter's screen lists as waiting in a line, first first. */
export const waitingNumbers = (queue: { lines: { code: string; waiting: Ticket[] }[] }, line: string) => queue.lines.find((l) => l.code === line)!.waiting.map((t) => t.number);

import { syncProblemOf } from '../common/sync-problem.js';
import {
  EnrollResponse,
  SERVER_TIME_HEADER,
  ServerErrorBody,
  type ServerErrorCode,
} from '../contract/index.js';
import type { Db } from '../db/connection.js';
import { deviceId, getMeta, setMeta } from '../db/meta.js';

/** Meta key of the prefix the server gave this terminal for tickets it numbers offline. */
export const TICKET_PREFIX_KEY = 'ticket_prefix';
import { bootAt, estimateClockOffset, saveClockOffset, SYSTEM_CLOCK, trustedClockOffset, type MachineClock, type StoredClockOffset } from './clock.js';
import { loadIdentity, newKeyPair, saveIdentity, type SyncIdentity } from './identity.js';
import { CertificateMismatchError, pinnedConnect, pinnedFetch, SERVER_CERT_PIN_KEY } from './pinned-tls.js';
import { signRequest } from './sign.js';

/**
 * The server refused (code from the contract), could not be reached (NETWORK), or presented another
 * certificate than the one pinned at enrollment (CERTIFICATE_MISMATCH: nothing was sent to it).
 */
export class SyncRequestError extends Error {
  constructor(
    readonly code: ServerErrorCode | 'NETWORK' | 'NOT_ENROLLED' | 'CERTIFICATE_MISMATCH',
    readonly status: number | null,
    /** The parsed answer, when there was one (a 410 carries a snapshot). */
    readonly body: unknown = null,
    /** A 429's Retry-After, seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code);
    this.name = 'SyncRequestError';
  }
}

export interface SyncClientOptions {
  /** Replaced in tests; otherwise https goes through the pinned certificate (pinned-tls.ts), http through fetch. */
  fetch?: typeof fetch;
  /** This terminal's clock, ms; replaced in tests. */
  now?: () => number;
  /** Time since the machine booted, ms (tells a wall clock that was set); replaced in tests. */
  sinceBoot?: () => number;
  /** A request (answer included) taking longer counts as a network error; default 30 s. */
  timeoutMs?: number;
}

interface Sent {
  status: number;
  json: unknown;
}

/** Talks to the central server: enrolls once, then signs every request and keeps the clock offset current. */
export class SyncClient {
  private readonly fetch: typeof fetch | null;
  private readonly now: () => number;
  private readonly clock: MachineClock;
  private readonly timeoutMs: number;
  private readonly reachListeners = new Set<(reached: boolean) => void>();
  /** The code of the last request to the server if it failed (NETWORK, CERTIFICATE_MISMATCH, the server's refusal); null once one succeeds. */
  private failed: string | null = null;

  constructor(
    private readonly db: Db,
    opts: SyncClientOptions = {},
  ) {
    this.fetch = opts.fetch ?? null;
    this.now = opts.now ?? Date.now;
    this.clock = { now: this.now, sinceBoot: opts.sinceBoot ?? SYSTEM_CLOCK.sinceBoot };
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  identity(): SyncIdentity | null {
    return loadIdentity(this.db);
  }

  /** The server's clock minus ours, while it holds (see trustedClockOffset); null until measured again. */
  clockOffset(): StoredClockOffset | null {
    return trustedClockOffset(this.db, this.clock);
  }

  /** Our best estimate of the server's clock now: our own clock while the offset is not known. */
  serverNow(): number {
    return this.now() + (this.clockOffset()?.offsetMs ?? 0);
  }

  /**
   * Hears how each request fared: true when the server answered it (2xx), false when it could not be
   * reached. Whatever asked (upload, download, heartbeat, a queue call), it tells whether the server is there.
   */
  onReach(listener: (reached: boolean) => void): () => void {
    this.reachListeners.add(listener);
    return () => this.reachListeners.delete(listener);
  }

  /** Why the last request to the server failed; null when it succeeded or none was made by this process. */
  lastFailure(): string | null {
    return this.failed;
  }

  private reached(ok: boolean): void {
    for (const l of this.reachListeners) l(ok);
  }

  /** The SHA-256 fingerprint of the server certificate pinned at enrollment; null over plain HTTP. */
  pinnedCertificate(): string | null {
    return getMeta(this.db, SERVER_CERT_PIN_KEY) || null;
  }

  /** How a socket to the enrolled server is opened (the live channel): through the pin, when there is one. */
  tlsConnect(): ReturnType<typeof pinnedConnect> | undefined {
    const pin = this.pinnedCertificate();
    return pin ? pinnedConnect(pin) : undefined;
  }

  /**
   * Enrolls with a one-time code. A fresh key pair is made for every attempt and kept only when the
   * server accepts it, so a failed attempt leaves the terminal as it was. Over https the server's
   * certificate is pinned: the one it presents now (trust on first use), or only `fingerprint` when given.
   */
  async enroll(serverUrl: string, code: string, opts: { fingerprint?: string } = {}): Promise<SyncIdentity> {
    const keys = newKeyPair();
    const body = JSON.stringify({ code, publicKey: keys.publicKey, deviceId: deviceId(this.db) });
    let seen: string | null = null;
    const via = this.fetch ?? (serverUrl.startsWith('https:') ? pinnedFetch(opts.fingerprint ?? null, (fp) => (seen = fp)) : fetch);
    const res = await this.send(serverUrl.replace(/\/+$/, ''), 'POST', '/api/enroll', body, {}, this.timeoutMs, via);
    const e = EnrollResponse.parse(res.json);
    const identity: SyncIdentity = {
      ...keys,
      serverUrl: serverUrl.replace(/\/+$/, ''),
      terminalId: e.terminalId,
      name: e.name,
      hall: e.hall,
      roles: e.roles,
      enrolledAt: new Date(this.now()).toISOString(),
    };
    this.db.transaction(() => {
      saveIdentity(this.db, identity);
      setMeta(this.db, SERVER_CERT_PIN_KEY, seen ?? '');
    })();
    if (e.ticketPrefix) setMeta(this.db, TICKET_PREFIX_KEY, e.ticketPrefix);
    return identity;
  }

  /** A signed request to the enrolled server; returns the parsed JSON of a 2xx answer. */
  async request(method: 'GET' | 'POST', path: string, payload?: unknown, opts: { timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<unknown> {
    const id = loadIdentity(this.db);
    if (!id) throw new SyncRequestError('NOT_ENROLLED', null);
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const headers = { ...opts.headers, ...signRequest(id, { method, path, body }, this.serverNow()) };
    const pin = this.pinnedCertificate();
    const via = this.fetch ?? (pin && id.serverUrl.startsWith('https:') ? pinnedFetch(pin) : fetch);
    return (await this.send(id.serverUrl, method, path, body, headers, opts.timeoutMs, via)).json;
  }

  private async send(base: string, method: string, path: string, body: string | undefined, headers: Record<string, string>, timeoutMs: number = this.timeoutMs, via: typeof fetch): Promise<Sent> {
    const sentAt = this.now();
    let res: Response;
    try {
      res = await via(`${base}${path}`, {
        method,
        headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body,
        // A server that stops answering (cable pulled, no reset) must not hold a sync loop forever.
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const code = err instanceof CertificateMismatchError ? 'CERTIFICATE_MISMATCH' : 'NETWORK';
      this.failed = code;
      this.reached(false);
      throw new SyncRequestError(code, null);
    }
    const receivedAt = this.now();
    const serverTime = Number(res.headers.get(SERVER_TIME_HEADER));
    // Every answer, a refusal too, tells us the server's clock: that is how a stale clock recovers.
    if (Number.isFinite(serverTime) && serverTime > 0) saveClockOffset(this.db, estimateClockOffset(sentAt, receivedAt, serverTime), receivedAt, bootAt(this.clock));
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) {
      this.failed = null;
      this.reached(true);
      return { status: res.status, json };
    }
    const err = ServerErrorBody.safeParse(json);
    const retryAfter = Number(res.headers.get('retry-after'));
    const code = err.success ? err.data.error.code : res.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
    // A refusal of one request (a wrong password, a conflict) says nothing about the link; one of this terminal does.
    if (syncProblemOf(code) !== 'refused') this.failed = code;
    throw new SyncRequestError(code, res.status, json, retryAfter > 0 ? retryAfter : null);
  }
}

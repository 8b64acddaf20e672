import WebSocket from 'ws';
import { LIVE_PATH, LiveMessage } from '../../core/contract/index.js';
import type { SyncClient } from '../../core/sync/client.js';
import { signRequest } from '../../core/sync/sign.js';
import { backoffDelay, LIVE_BACKOFF, type BackoffOptions } from './backoff.js';

export type LiveState = 'connecting' | 'open' | 'waiting' | 'stopped';

export interface LiveClientOptions {
  onMessage: (msg: LiveMessage) => void;
  onState?: (state: LiveState, detail?: string) => void;
  /** The server was heard on the open socket (its ping or a message). */
  onHeard?: () => void;
  backoff?: BackoffOptions;
  random?: () => number;
  /** A socket that hears nothing (not even the server's ping) for this long is taken as dead. */
  silenceMs?: number;
}

/** The server pings every 30 s (server/sync/live.ts). */
export const LIVE_SILENCE_MS = 75_000;

/**
 * The terminal's end of the live channel: one WebSocket to the central server, its upgrade request
 * signed like any GET. After a drop or a refused connect it tries again by itself, backing off.
 */
export class LiveClient {
  private socket: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = true;

  constructor(
    private readonly client: SyncClient,
    private readonly opts: LiveClientOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.terminate();
    this.socket = null;
    this.opts.onState?.('stopped');
  }

  private connect(): void {
    this.timer = null;
    if (this.stopped) return;
    const id = this.client.identity();
    if (!id) return this.retry('not enrolled');
    this.opts.onState?.('connecting');
    // Signed with the server's time as we estimate it, exactly as the HTTP requests are.
    const headers = signRequest(id, { method: 'GET', path: LIVE_PATH }, this.client.serverNow());
    // Over https the socket opens only to the certificate pinned at enrollment (core/sync/pinned-tls.ts).
    const createConnection = id.serverUrl.startsWith('https:') ? this.client.tlsConnect() : undefined;
    const socket = new WebSocket(`${id.serverUrl.replace(/^http/, 'ws')}${LIVE_PATH}`, { headers, ...(createConnection ? { createConnection: createConnection as never } : {}) });
    this.socket = socket;
    let error = '';
    // A connection can die without a close (a pulled cable, a sleeping router): silence ends it.
    let silence: NodeJS.Timeout | undefined;
    const heard = () => {
      this.opts.onHeard?.();
      clearTimeout(silence);
      silence = setTimeout(() => {
        error = 'no word from the server';
        socket.terminate();
      }, this.opts.silenceMs ?? LIVE_SILENCE_MS);
      silence.unref?.();
    };
    socket.on('open', () => {
      this.attempt = 0;
      heard();
      this.opts.onState?.('open');
    });
    socket.on('ping', heard);
    socket.on('message', (data) => {
      heard();
      let msg: LiveMessage;
      try {
        msg = LiveMessage.parse(JSON.parse(String(data)));
      } catch {
        return; // a message this version does not understand
      }
      this.opts.onMessage(msg);
    });
    socket.on('error', (err) => (error = err.message));
    socket.on('close', () => {
      clearTimeout(silence);
      if (this.socket !== socket) return;
      this.socket = null;
      this.retry(error || 'closed');
    });
  }

  private retry(reason: string): void {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, this.opts.backoff ?? LIVE_BACKOFF, this.opts.random);
    this.opts.onState?.('waiting', reason);
    this.timer = setTimeout(() => this.connect(), delay);
    this.timer.unref?.();
  }
}

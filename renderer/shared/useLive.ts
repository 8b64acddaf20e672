import { useEffect, useRef, useState } from 'react';
import { ScreenMessage } from '../../core/contract/hall-api.js';

/** The part of the browser's WebSocket the live channel uses (ws's WebSocket or a fake in tests). */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

export type LiveState = 'connecting' | 'open' | 'closed';

export interface LiveOptions {
  /** Defaults to ws(s)://<this page's host>/api/live. */
  url?: string;
  onMessage: (msg: ScreenMessage) => void;
  /** Every (re)connect: messages may have been missed meanwhile, so screens refetch here. */
  onOpen?: () => void;
  onState?: (state: LiveState) => void;
  createSocket?: (url: string) => SocketLike;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export function liveUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/live`;
}

/** Delay before reconnect attempt `attempt` (0-based): doubles from min up to max. */
export function backoffMs(attempt: number, min = 500, max = 15_000): number {
  return Math.min(max, min * 2 ** Math.min(attempt, 30));
}

/** A ScreenMessage from a socket frame, or null for anything else (binary, not JSON, unknown shape). */
export function parseLiveMessage(data: unknown): ScreenMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = ScreenMessage.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps a WebSocket to the terminal's /api/live open, reconnecting with backoff until close(). */
export class LiveConnection {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = false;
  private readonly url: string;

  constructor(private readonly opts: LiveOptions) {
    this.url = opts.url ?? liveUrl(window.location);
    this.connect();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    const ws = this.socket;
    this.socket = null;
    ws?.close();
  }

  private connect(): void {
    if (this.stopped) return;
    this.opts.onState?.('connecting');
    let ws: SocketLike;
    try {
      ws = (this.opts.createSocket ?? ((u: string) => new WebSocket(u) as unknown as SocketLike))(this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = ws;
    ws.onopen = () => {
      if (this.socket !== ws) return;
      this.attempt = 0;
      this.opts.onState?.('open');
      this.opts.onOpen?.();
    };
    ws.onmessage = (ev) => {
      if (this.socket !== ws) return;
      const msg = parseLiveMessage(ev.data);
      if (msg) this.opts.onMessage(msg);
    };
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.retry();
    };
  }

  private retry(): void {
    if (this.stopped) return;
    this.opts.onState?.('closed');
    const delay = backoffMs(this.attempt++, this.opts.minBackoffMs, this.opts.maxBackoffMs);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}

export interface UseLiveOptions {
  url?: string;
  onOpen?: () => void;
  createSocket?: (url: string) => SocketLike;
}

/** React form of LiveConnection: the latest callbacks get each message; returns the connection state. */
export function useLive(onMessage: (msg: ScreenMessage) => void, opts: UseLiveOptions = {}): LiveState {
  const latest = useRef({ onMessage, onOpen: opts.onOpen });
  useEffect(() => {
    latest.current = { onMessage, onOpen: opts.onOpen };
  });
  const [state, setState] = useState<LiveState>('connecting');
  const { url, createSocket } = opts;
  useEffect(() => {
    const conn = new LiveConnection({
      url,
      createSocket,
      onMessage: (m) => latest.current.onMessage(m),
      onOpen: () => latest.current.onOpen?.(),
      onState: setState,
    });
    return () => conn.close();
  }, [url, createSocket]);
  return state;
}

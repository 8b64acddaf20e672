import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenMessage } from '../../core/contract/hall-api.js';
import { LiveConnection, type LiveState, type SocketLike } from './useLive.js';

/** A WebSocket stand-in the test opens, feeds and drops by hand. */
class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  open() {
    this.onopen?.({});
  }
  send(data: unknown) {
    this.onmessage?.({ data });
  }
  drop() {
    this.onerror?.({});
    this.onclose?.({});
  }
  close() {
    this.closed = true;
    this.onclose?.({});
  }
}

describe('LiveConnection with a fake WebSocket', () => {
  let sockets: FakeSocket[];
  let got: ScreenMessage[];
  let states: LiveState[];
  let opens: number;
  let conn: LiveConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    got = [];
    states = [];
    opens = 0;
    conn = new LiveConnection({
      url: 'ws://127.0.0.1:4780/api/live',
      onMessage: (m) => got.push(m),
      onOpen: () => opens++,
      onState: (s) => states.push(s),
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      minBackoffMs: 100,
      maxBackoffMs: 400,
    });
  });
  afterEach(() => {
    conn.close();
    vi.useRealTimers();
  });

  it('passes queue messages on and ignores frames that are not screen messages', () => {
    sockets[0]!.open();
    sockets[0]!.send('{"type":"queue"}');
    sockets[0]!.send('{"type":"queue"');
    sockets[0]!.send('{"type":"unknown"}');
    sockets[0]!.send(new ArrayBuffer(2));
    expect(got).toEqual([{ type: 'queue' }]);
    expect(sockets[0]!.url).toBe('ws://127.0.0.1:4780/api/live');
  });

  it('retries after 100, 200, 400, 400 ms while the service is down, and starts over after a good connection', () => {
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      sockets.at(-1)!.drop();
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 400]);

    sockets.at(-1)!.open();
    expect(opens).toBe(1);
    sockets.at(-1)!.drop();
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(6);
  });

  it('tells the screen each reconnect so it can refetch what it missed', () => {
    sockets[0]!.open();
    sockets[0]!.drop();
    vi.advanceTimersByTime(100);
    sockets[1]!.open();
    expect(opens).toBe(2);
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
  });

  it('a message from a socket it already gave up on is not delivered', () => {
    const old = sockets[0]!;
    old.open();
    old.drop();
    old.send('{"type":"queue"}');
    expect(got).toEqual([]);
  });

  it('close() closes the socket and never reconnects', () => {
    sockets[0]!.open();
    conn.close();
    expect(sockets[0]!.closed).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });
});

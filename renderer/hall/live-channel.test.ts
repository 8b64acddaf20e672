import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { ScreenMessage } from '../../core/contract/hall-api.js';
import { backoffMs, LiveConnection, liveUrl, parseLiveMessage, type LiveState, type SocketLike } from '../shared/useLive.js';

describe('live channel helpers', () => {
  it('connects to /api/live on the page host, wss for https pages', () => {
    expect(liveUrl({ protocol: 'http:', host: '192.168.1.20:4780' })).toBe('ws://192.168.1.20:4780/api/live');
    expect(liveUrl({ protocol: 'https:', host: 'hall.example' })).toBe('wss://hall.example/api/live');
  });

  it('backs off doubling up to a ceiling', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(50)).toBe(15_000);
  });

  it('ignores anything that is not a screen message', () => {
    expect(parseLiveMessage('{"type":"call","number":"A012","counterNo":3,"callCount":1}')).toEqual({ type: 'call', number: 'A012', counterNo: 3, callCount: 1 });
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage('{"type":"call","number":"A012"}')).toBeNull();
    expect(parseLiveMessage(new Uint8Array([1]))).toBeNull();
  });
});

describe('LiveConnection against a real WebSocket server', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const f of cleanup.splice(0)) f();
  });

  function until(cond: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (cond() ? resolve() : setTimeout(check, 5));
      check();
    });
  }

  it('delivers messages, reconnects after the server drops it, and calls onOpen each time', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => server.close());
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    server.on('connection', (ws) => ws.send(JSON.stringify({ type: 'queue' })));

    const got: ScreenMessage[] = [];
    const states: LiveState[] = [];
    let opens = 0;
    const conn = new LiveConnection({
      url: `ws://127.0.0.1:${port}/api/live`,
      onMessage: (m) => got.push(m),
      onOpen: () => opens++,
      onState: (s) => states.push(s),
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      minBackoffMs: 10,
    });
    cleanup.push(() => conn.close());

    await until(() => got.length === 1);
    for (const client of server.clients) client.send('{"type":"call","number":"B003","counterNo":2,"callCount":2}');
    await until(() => got.length === 2);
    expect(got[1]).toEqual({ type: 'call', number: 'B003', counterNo: 2, callCount: 2 });

    for (const client of server.clients) client.terminate();
    await until(() => opens === 2 && got.length === 3);
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);

    conn.close();
    await until(() => server.clients.size === 0);
  });

  it('keeps retrying while nothing listens, and stops for good on close()', async () => {
    const holder = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => holder.once('listening', r));
    const { port } = holder.address() as AddressInfo;
    await new Promise((r) => holder.close(r));

    let attempts = 0;
    const conn = new LiveConnection({
      url: `ws://127.0.0.1:${port}/api/live`,
      onMessage: () => undefined,
      createSocket: (url) => {
        attempts++;
        return new WebSocket(url) as unknown as SocketLike;
      },
      minBackoffMs: 5,
      maxBackoffMs: 5,
    });
    await until(() => attempts >= 3);
    conn.close();
    const after = attempts;
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(after);
  });
});

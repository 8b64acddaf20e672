import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface StallProxy {
  url: string;
  /** From now on nothing goes through, either way, and no connection is closed: a frozen server. */
  stall(): void;
  /** Every connection is dropped and new ones are refused, as with a pulled cable, until resume(). */
  cut(): void;
  /** What was held goes through, in order, and traffic flows again. */
  resume(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of the central server that can stall: connections stay open
 * (the live socket too) while no byte moves, as when the server's process is frozen for a while.
 * It can also cut the line: the server stays up for everyone else.
 */
export async function startStallProxy(target: string): Promise<StallProxy> {
  const { hostname, port } = new URL(target);
  let stalled = false;
  let cut = false;
  let held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk: Buffer) => {
      const send = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (stalled) held.push(send);
      else send();
    });

  const server = createServer((client) => {
    if (cut) return client.destroy();
    const upstream = connect(Number(port), hostname);
    track(client);
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stall: () => {
      stalled = true;
    },
    cut: () => {
      cut = true;
      held = [];
      sockets.forEach((s) => s.destroy());
    },
    resume: () => {
      stalled = false;
      cut = false;
      const go = held;
      held = [];
      go.forEach((send) => send());
    },
    close: () =>
      new Promise((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

import net from 'node:net';
import { StatusResponder, type FakeMode } from './fake-printer.js';

export type { FakeMode } from './fake-printer.js';

export interface RecordedConnection {
  bytes: Buffer;
  /** Settles when the connection is gone, however it ended. */
  closed: Promise<void>;
}

/**
 * A raw-TCP receipt printer on 127.0.0.1:<free port>: records the bytes of each connection,
 * answers DLE EOT, and on request reports paper out, stays silent, drops a job midway or refuses.
 */
export class LoopbackPrinter {
  readonly connections: RecordedConnection[] = [];
  private mode: FakeMode = { kind: 'ready' };
  private server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  private constructor(public port: number, server: net.Server) {
    this.server = server;
  }

  static async start(): Promise<LoopbackPrinter> {
    const printer = new LoopbackPrinter(0, net.createServer());
    await printer.listen(0);
    return printer;
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  private async listen(port: number): Promise<void> {
    this.server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private async unlisten(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async setMode(mode: FakeMode): Promise<void> {
    const wasRefusing = this.mode.kind === 'refuse';
    this.mode = mode;
    if (mode.kind === 'refuse' && !wasRefusing) await this.unlisten();
    if (mode.kind !== 'refuse' && wasRefusing) await this.listen(this.port);
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const record: RecordedConnection = {
      bytes: Buffer.alloc(0),
      closed: new Promise((resolve) => socket.on('close', () => resolve())),
    };
    this.connections.push(record);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const mode = this.mode;
    if (mode.kind === 'silent') {
      socket.pause();
      return;
    }
    const responder = new StatusResponder(() => this.mode);
    socket.on('data', (chunk: Buffer) => {
      if (mode.kind === 'drop-after' && record.bytes.length + chunk.length >= mode.bytes) {
        record.bytes = Buffer.concat([record.bytes, chunk.subarray(0, mode.bytes - record.bytes.length)]);
        socket.resetAndDestroy();
        return;
      }
      record.bytes = Buffer.concat([record.bytes, chunk]);
      const replies = responder.feed(chunk);
      if (replies.length) socket.write(Uint8Array.from(replies));
    });
    // A real raw port closes its side once the host has sent everything.
    socket.on('end', () => socket.end());
  }

  /** The bytes of the last connection that carried a whole job (not just a status request). */
  lastJob(): Buffer {
    const jobs = this.connections.filter((c) => c.bytes.length > 8);
    const last = jobs[jobs.length - 1];
    if (!last) throw new Error('the loopback printer received no job');
    return last.bytes;
  }

  async stop(): Promise<void> {
    if (this.mode.kind !== 'refuse') await this.unlisten();
  }
}

import net from 'node:net';
import type { PrinterState } from '../../../core/contract/print.js';
import { statusRequest } from '../escpos.js';
import { isStatusByte, stateFromStatus } from '../status.js';
import { PrinterError, type Printer, type PrintOptions } from '../types.js';
import { DEFAULT_TIMEOUT_MS, errorCode, preflightWait, Serial, statusWait } from './common.js';

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/** One TCP connection to a raw port (9100): reads answer bytes, reports how it ended. */
class Connection {
  private readonly answers: number[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;
  private failure: PrinterError | undefined;
  private readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.answers.push(...chunk);
      this.waiter?.();
    });
    this.closed = new Promise((resolve) => {
      socket.on('error', (err) => {
        this.failure ??= new PrinterError('disconnected', `printer connection lost: ${err.message}`);
      });
      socket.on('end', () => {
        // The printer closing before we finished sending means the job was cut off.
        if (!this.ended) this.failure ??= new PrinterError('disconnected', 'printer closed the connection mid-job');
      });
      socket.on('close', () => {
        this.waiter?.();
        resolve();
      });
    });
  }

  static open(host: string, port: number, timeoutMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('timeout', `no answer from ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (err) => {
        clearTimeout(timer);
        const code = errorCode(err);
        reject(new PrinterError(code && UNREACHABLE.has(code) ? 'offline' : 'disconnected', `cannot reach printer ${host}:${port}: ${err.message}`));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new Connection(socket));
      });
    });
  }

  /** Sends a DLE EOT request and waits for its one-byte answer; undefined when none comes. */
  async ask(request: Uint8Array, waitMs: number): Promise<number | undefined> {
    if (this.failure || this.socket.destroyed) return undefined;
    this.answers.length = 0;
    this.socket.write(request);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && !this.socket.destroyed) {
      const found = this.answers.find(isStatusByte);
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    return this.answers.find(isStatusByte);
  }

  /**
   * Sends the job and half-closes; done when the printer closes its side too. A reset or an early
   * close is `disconnected`; no close within the time limit is `timeout`.
   */
  async send(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    if (this.failure) throw this.failure;
    this.socket.write(bytes);
    this.ended = true;
    this.socket.end();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.closed.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) throw new PrinterError('timeout', `printer did not take the job within ${timeoutMs} ms`);
    if (this.failure) throw this.failure;
  }

  /** Politely closes a status connection. */
  async close(): Promise<void> {
    this.ended = true;
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), 1000);
    await this.closed;
    clearTimeout(timer);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** ESC/POS over raw TCP (port 9100), one connection per job or status request. */
export class TcpPrinter implements Printer {
  private readonly queue = new Serial();

  constructor(
    readonly uri: string,
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  print(bytes: Uint8Array, options: PrintOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return this.queue.run(async () => {
      const conn = await Connection.open(this.host, this.port, timeoutMs);
      try {
        // Ask the paper sensor first so a job is not buffered into a printer without paper.
        const paper = await conn.ask(statusRequest(4), preflightWait(timeoutMs));
        if (stateFromStatus(undefined, paper) === 'paper-out') throw new PrinterError('paper-out', 'printer reports paper end');
        await conn.send(bytes, timeoutMs);
      } finally {
        conn.destroy();
      }
    });
  }

  status(options: PrintOptions = {}): Promise<PrinterState> {
    const timeoutMs = options.timeoutMs ?? Math.min(this.timeoutMs, 3000);
    return this.queue.run(async () => {
      let conn: Connection;
      try {
        conn = await Connection.open(this.host, this.port, timeoutMs);
      } catch {
        return 'offline';
      }
      try {
        const wait = statusWait(timeoutMs);
        const printer = await conn.ask(statusRequest(1), wait);
        if (printer === undefined) return 'unknown';
        const paper = await conn.ask(statusRequest(4), wait);
        return stateFromStatus(printer, paper);
      } catch {
        return 'unknown';
      } finally {
        await conn.close().catch(() => conn.destroy());
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
  }
}

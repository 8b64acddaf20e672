import type { PrinterState } from '../../../core/contract/print.js';
import { statusRequest } from '../escpos.js';
import { isStatusByte, stateFromStatus } from '../status.js';
import { PrinterError, type Printer, type PrintOptions } from '../types.js';
import { DEFAULT_TIMEOUT_MS, preflightWait, Serial, statusWait, withTimeout } from './common.js';

/** The part of serialport's stream the printer uses; SerialPort and SerialPortMock both fit. */
export interface PortLike {
  open(cb: (err: Error | null) => void): void;
  write(data: Uint8Array): boolean;
  drain(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  on(event: 'data', cb: (chunk: Buffer) => void): this;
  on(event: 'close', cb: (err?: Error & { disconnected?: boolean }) => void): this;
  on(event: 'error', cb: (err: Error) => void): this;
  readonly isOpen: boolean;
}

export type PortFactory = (options: { path: string; baudRate: number; autoOpen: false }) => PortLike | Promise<PortLike>;

// serialport loads its native binding on import; printers on other transports never need it.
const realPort: PortFactory = async (options) => {
  const { SerialPort } = await import('serialport');
  return new SerialPort(options);
};

/** ESC/POS over a serial line (USB-serial or RS-232); the port is opened for each job. */
export class SerialPrinter implements Printer {
  private readonly queue = new Serial();

  constructor(
    readonly uri: string,
    private readonly path: string,
    private readonly baudRate: number,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
    private readonly factory: PortFactory = realPort,
  ) {}

  private async open(): Promise<{ port: PortLike; answers: number[]; lost: () => PrinterError | undefined }> {
    const port = await this.factory({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    const answers: number[] = [];
    let lost: PrinterError | undefined;
    port.on('data', (chunk) => answers.push(...chunk));
    port.on('error', () => undefined);
    port.on('close', (err) => {
      if (err?.disconnected) lost = new PrinterError('disconnected', `serial printer ${this.path} was disconnected`);
    });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(new PrinterError('offline', `cannot open ${this.path}: ${err.message}`)) : resolve())),
    );
    return { port, answers, lost: () => lost };
  }

  private static async ask(port: PortLike, answers: number[], request: Uint8Array, waitMs: number): Promise<number | undefined> {
    answers.length = 0;
    port.write(request);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      const found = answers.find(isStatusByte);
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    return answers.find(isStatusByte);
  }

  private static shut(port: PortLike): Promise<void> {
    return new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
  }

  print(bytes: Uint8Array, options: PrintOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return this.queue.run(async () => {
      const { port, answers, lost } = await this.open();
      try {
        const paper = await SerialPrinter.ask(port, answers, statusRequest(4), preflightWait(timeoutMs));
        if (stateFromStatus(undefined, paper) === 'paper-out') throw new PrinterError('paper-out', 'printer reports paper end');
        port.write(bytes);
        // drain() waits for tcdrain: every byte has left through the line (flow control can hold it).
        await withTimeout(
          new Promise<void>((resolve, reject) =>
            port.drain((err) => (err ? reject(lost() ?? new PrinterError('disconnected', `serial write failed: ${err.message}`)) : resolve())),
          ),
          timeoutMs,
          `serial printer ${this.path}`,
        );
        const failure = lost();
        if (failure) throw failure;
      } finally {
        await SerialPrinter.shut(port);
      }
    });
  }

  status(options: PrintOptions = {}): Promise<PrinterState> {
    const wait = statusWait(options.timeoutMs ?? Math.min(this.timeoutMs, 3000));
    return this.queue.run(async () => {
      let opened: Awaited<ReturnType<SerialPrinter['open']>>;
      try {
        opened = await this.open();
      } catch {
        return 'offline';
      }
      const { port, answers } = opened;
      try {
        const printer = await SerialPrinter.ask(port, answers, statusRequest(1), wait);
        if (printer === undefined) return 'unknown';
        const paper = await SerialPrinter.ask(port, answers, statusRequest(4), wait);
        return stateFromStatus(printer, paper);
      } catch {
        return 'unknown';
      } finally {
        await SerialPrinter.shut(port);
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
  }
}

import fs from 'node:fs';
import type { PrinterState } from '../../../core/contract/print.js';
import { PrinterError, type Printer, type PrintOptions } from '../types.js';
import { DEFAULT_TIMEOUT_MS, errorCode, Serial, withTimeout } from './common.js';

/** Write-only: a line printer device (/dev/usb/lp0) or a file; never created, so a missing device is offline. */
export class FilePrinter implements Printer {
  private readonly queue = new Serial();

  constructor(
    readonly uri: string,
    private readonly path: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  print(bytes: Uint8Array, options: PrintOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return this.queue.run(async () => {
      let handle: fs.promises.FileHandle;
      try {
        handle = await fs.promises.open(this.path, fs.constants.O_WRONLY | fs.constants.O_APPEND);
      } catch (err) {
        throw new PrinterError('offline', `cannot open ${this.path}: ${errorCode(err) ?? String(err)}`);
      }
      try {
        // usblp blocks a write while the printer is out of paper or switched off: give up after the time limit.
        await withTimeout(handle.write(bytes), timeoutMs, `printer device ${this.path}`);
      } catch (err) {
        if (err instanceof PrinterError) throw err;
        throw new PrinterError('disconnected', `writing to ${this.path} failed: ${errorCode(err) ?? String(err)}`);
      } finally {
        void handle.close().catch(() => undefined);
      }
    });
  }

  /** A device we cannot read back is `unknown` when present; a plain file is `online`. */
  async status(): Promise<PrinterState> {
    try {
      await fs.promises.access(this.path, fs.constants.W_OK);
      const stat = await fs.promises.stat(this.path);
      return stat.isFile() ? 'online' : 'unknown';
    } catch {
      return 'offline';
    }
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
  }
}

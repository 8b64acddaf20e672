import fs from 'node:fs';
import path from 'node:path';
import type { PrinterState } from '../../../core/contract/print.js';
import { decodeEscPos, renderText } from '../decode.js';
import { PrinterError, type Printer } from '../types.js';
import { errorCode, Serial } from './common.js';

/**
 * For development without a printer: each job becomes `<time>-<n>.txt`, what the paper would
 * show, and `<time>-<n>.bin`, the exact bytes.
 */
export class PreviewPrinter implements Printer {
  private readonly queue = new Serial();
  private count = 0;

  constructor(
    readonly uri: string,
    private readonly dir: string,
    private readonly columns = 48,
  ) {}

  print(bytes: Uint8Array): Promise<void> {
    return this.queue.run(async () => {
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++this.count).padStart(4, '0')}`;
      let text: string;
      try {
        text = renderText(decodeEscPos(bytes), this.columns);
      } catch (err) {
        text = `(these bytes do not decode: ${(err as Error).message})\n`;
      }
      try {
        await fs.promises.mkdir(this.dir, { recursive: true });
        await fs.promises.writeFile(path.join(this.dir, `${name}.bin`), bytes);
        await fs.promises.writeFile(path.join(this.dir, `${name}.txt`), text);
      } catch (err) {
        throw new PrinterError('offline', `cannot write preview to ${this.dir}: ${errorCode(err) ?? String(err)}`);
      }
    });
  }

  async status(): Promise<PrinterState> {
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await fs.promises.access(this.dir, fs.constants.W_OK);
      return 'online';
    } catch {
      return 'offline';
    }
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
  }
}

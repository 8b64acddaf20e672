import type { PrinterState, PrintFailure } from '../../core/contract/print.js';

/** A print failure with its stable reason; the job table stores `reason`. */
export class PrinterError extends Error {
  constructor(readonly reason: PrintFailure, message: string) {
    super(message);
    this.name = 'PrinterError';
  }
}

export interface PrintOptions {
  /** Give up (reason `timeout`) when the device accepts nothing for this long. */
  timeoutMs?: number;
}

/** One slip printer, whatever its transport. Chosen by URI: tcp://, serial:, file:, preview:. */
export interface Printer {
  readonly uri: string;
  /** Resolves once every byte has been handed to the device; rejects with a PrinterError. */
  print(bytes: Uint8Array, options?: PrintOptions): Promise<void>;
  /** Online, offline, or paper out where the device reports it (DLE EOT); never throws. */
  status(options?: PrintOptions): Promise<PrinterState>;
  close(): Promise<void>;
}

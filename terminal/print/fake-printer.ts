import type { PrinterState, PrintFailure } from '../../core/contract/print.js';
import { PrinterError, type Printer } from '../../native/printer/types.js';

/** What the fake does with the next print: print it, never answer, or fail with a reason. */
export type FakeOutcome = 'ok' | 'hang' | PrintFailure;

/**
 * An in-memory slip printer for worker tests: follows a script of outcomes (then `otherwise`),
 * keeps the bytes of each slip it printed, and answers status() with `state`.
 */
export class FakePrinter implements Printer {
  readonly uri = 'fake:';
  readonly printed: Uint8Array[] = [];
  attempts = 0;
  state: PrinterState = 'online';
  otherwise: FakeOutcome = 'ok';
  statusCalls = 0;

  constructor(private readonly script: FakeOutcome[] = []) {}

  /** The printed slips as text (latin1), enough to find an ASCII ticket number in the ESC/POS bytes. */
  get texts(): string[] {
    return this.printed.map((b) => Buffer.from(b).toString('latin1'));
  }

  print(bytes: Uint8Array): Promise<void> {
    this.attempts++;
    const outcome = this.script.shift() ?? this.otherwise;
    if (outcome === 'hang') return new Promise(() => {});
    if (outcome !== 'ok') return Promise.reject(new PrinterError(outcome, `fake printer: ${outcome}`));
    this.printed.push(bytes);
    return Promise.resolve();
  }

  status(): Promise<PrinterState> {
    this.statusCalls++;
    return Promise.resolve(this.state);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

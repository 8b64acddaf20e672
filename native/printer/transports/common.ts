import { PrinterError } from '../types.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * Longest wait for a DLE EOT answer. Printers answer real-time commands within milliseconds; the
 * margin is for a loaded host. Before a job we wait a quarter of its time limit at most.
 */
export const STATUS_WAIT_MS = 2000;

export const preflightWait = (timeoutMs: number) => Math.min(STATUS_WAIT_MS, Math.floor(timeoutMs / 4));
export const statusWait = (timeoutMs: number) => Math.min(STATUS_WAIT_MS, Math.floor(timeoutMs / 2));

/** Runs one operation at a time on a device, in call order. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.tail.then(op, op);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Rejects with PrinterError('timeout') when `work` has not settled within `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError('timeout', `${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

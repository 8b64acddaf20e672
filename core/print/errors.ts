import { AppError } from '../contract/errors.js';

/** A slip that does not match the Slip schema; nothing was queued. Answered as VALIDATION_FAILED. */
export class InvalidSlipError extends AppError {
  constructor(details: { path: string; message: string }[]) {
    super('VALIDATION_FAILED', {}, details);
    this.name = 'InvalidSlipError';
    this.message = `The slip is not valid, nothing was queued: ${details.map((d) => `${d.path || '(slip)'}: ${d.message}`).join('; ')}`;
  }
}

/** A reprint asked for a job that is still queued, printing or waiting to retry: it would print twice. */
export class PrintJobPendingError extends Error {
  constructor(readonly jobId: string) {
    super(`Print job ${jobId} has not finished yet; it will print by itself, so it cannot be reprinted now.`);
    this.name = 'PrintJobPendingError';
  }
}

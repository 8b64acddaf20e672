import { AppError } from '../contract/errors.js';

/** A slip that does not match the Slip schema; nothing was queued. Answered as VALIDATION_FAILED. */
export class InvalidSlipError extends AppError {
  constructor(details: { path: string; message: string }[]) {
    super('VALIDATION_FAILED', {}, details);
    this.name = 'InvalidSlipError';
    this.message = `The slip is not valid, nothing was queued: ${details.map((d) => `${d.path || '(slip)'}: ${d.message}`).join('; ')}`;
  }
}


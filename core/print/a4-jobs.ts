import { AppError } from '../contract/errors.js';
import type { A4Document, A4Job } from '../contract/print.js';
import type { Db } from '../db/connection.js';

/** The A4 printer's job queue. Placeholder until the IPP printing lands: no A4 printer is set up. */
export function enqueueA4Job(_db: Db, _document: A4Document, _now: Date): A4Job {
  throw new AppError('NO_A4_PRINTER');
}

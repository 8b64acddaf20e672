import { withoutValue } from '../../core/common/loggable-error.js';
import { ServerError } from '../../core/contract/index.js';

/**
 * SQLSTATE classes that blame the data of one statement: data exception (a NUL PostgreSQL cannot
 * store, a value out of range), integrity constraint violation, program limit exceeded (a value too
 * big to index).
 */
const DATA_CLASSES = new Set(['22', '23', '54']);
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Whether a failure is the server's (answer 500, let the caller retry) rather than one item's own.
 * The database's connection, resources, locks and bugs in SQL are the server's; a refused value, a
 * payload our code cannot make sense of, or a ServerError other than INTERNAL belong to the item.
 */
export function isServerFault(err: unknown): boolean {
  if (err instanceof ServerError) return err.code === 'INTERNAL';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  if (SQLSTATE.test(code)) return !DATA_CLASSES.has(code.slice(0, 2));
  return true;
}

/**
 * Why something failed, fit to be stored and shown: the SQLSTATE and the message, never the
 * statement's parameters. PostgreSQL ends a few messages with the value it refused
 * (`invalid input syntax for type integer: "…"`); that value is cut.
 */
export function failureReason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' && !(err instanceof ServerError) ? `${e.code} ` : '';
  return `${code}${withoutValue(message)}`.slice(0, 300);
}

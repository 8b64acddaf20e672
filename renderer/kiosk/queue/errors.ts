import { ApiError } from '../../api/client.js';

/**
 * How a failed queue call is explained. Appointment problems get their own plain words and an
 * "ask staff" hint; a service that cannot be reached gets ours; anything else shows the service's
 * translated message as is.
 */
export type QueueProblem =
  | { kind: 'not-found' }
  | { kind: 'already-checked-in' }
  | { kind: 'cancelled' }
  | { kind: 'network' }
  | { kind: 'server'; message: string }
  | { kind: 'unexpected' };

export function queueProblem(err: unknown): QueueProblem {
  if (err instanceof ApiError) {
    if (err.code === 'APPOINTMENT_NOT_FOUND') return { kind: 'not-found' };
    if (err.code === 'ALREADY_CHECKED_IN') return { kind: 'already-checked-in' };
    if (err.code === 'APPOINTMENT_CANCELLED') return { kind: 'cancelled' };
    if (err.code === 'NETWORK') return { kind: 'network' };
    if (err.fromServer) return { kind: 'server', message: err.message };
    return { kind: 'unexpected' };
  }
  // Our own time limit on a call that never answered.
  if ((err as { name?: string } | null)?.name === 'AbortError' || (err as { name?: string } | null)?.name === 'TimeoutError') return { kind: 'network' };
  return { kind: 'unexpected' };
}

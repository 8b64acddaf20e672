import type { SyncProblemReason } from '../contract/sync-problem.js';

const BY_CODE: Partial<Record<string, SyncProblemReason>> = {
  NETWORK: 'unreachable',
  CERTIFICATE_MISMATCH: 'certificate',
  TERMINAL_DISABLED: 'disabled',
  TERMINAL_UNKNOWN: 'not-recognised',
  SIGNATURE_INVALID: 'not-recognised',
  SIGNATURE_MISSING: 'not-recognised',
  NOT_ENROLLED: 'not-recognised',
  TIMESTAMP_OUT_OF_WINDOW: 'clock',
  INTERNAL: 'server-error',
  ACK_GAP: 'ack-gap',
};

/** What a failed sync request's code means for staff: the server is away, refuses us, or something else. */
export function syncProblemOf(code: string): SyncProblemReason {
  return BY_CODE[code] ?? 'refused';
}

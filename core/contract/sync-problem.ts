import { z } from 'zod';

/**
 * Why a terminal cannot sync with its central server, as the status screen explains it in words
 * (core/common/sync-problem.ts tells which from the code of the failed request).
 */
export const SYNC_PROBLEMS = ['unreachable', 'certificate', 'disabled', 'not-recognised', 'clock', 'server-error', 'ack-gap', 'refused'] as const;
export const SyncProblemReason = z.enum(SYNC_PROBLEMS);
export type SyncProblemReason = z.infer<typeof SyncProblemReason>;

export const SyncProblem = z.object({
  reason: SyncProblemReason,
  /** The code of the failed request (NETWORK, CERTIFICATE_MISMATCH, TERMINAL_DISABLED…), for the administrator. */
  code: z.string(),
  /** The central server this terminal is enrolled with. */
  serverUrl: z.string(),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

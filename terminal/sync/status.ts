import type { SyncProblem, SyncProblemReason, SyncStatusView } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { getMeta } from '../../core/db/meta.js';
import { TICKET_PREFIX_KEY } from '../../core/sync/client.js';
import { clockState, type StoredClockOffset } from '../../core/sync/clock.js';
import { loadIdentity } from '../../core/sync/identity.js';
import { deadLetters, uploadStatus } from '../../core/sync/upload.js';
import { syncProblemOf } from '../../core/common/sync-problem.js';

/** How the terminal's log says each problem, for the operator (English). */
export const SYNC_PROBLEM_LOG: Record<SyncProblemReason, (url: string) => string> = {
  unreachable: (url) => `cannot reach the central server at ${url}: is it running, and at that address and port? If it moved, enroll this terminal again.`,
  certificate: (url) => `the central server at ${url} shows another certificate than at enrollment: enroll this terminal again once the administrator has checked why.`,
  disabled: () => 'the central server has disabled this terminal: ask the administrator to enable it or to enroll it again.',
  'not-recognised': (url) => `the central server at ${url} does not know this terminal (deleted, or another key): enroll it again with a new code.`,
  clock: () => "the central server refuses this terminal's requests because the clock is off: set this computer's time.",
  'server-error': (url) => `the central server at ${url} fails with an internal error: see its log.`,
  'ack-gap': () => 'the central server lacks earlier records of this terminal (restored from an older backup?): ask the administrator.',
  refused: (url) => `the central server at ${url} refuses this terminal's requests.`,
};

/**
 * Why an enrolled terminal does not sync: the last request's failure (`lastFailure`, from
 * SyncClient.lastFailure), else while offline the last upload's error, else none.
 */
function problemOf(serverUrl: string, online: boolean, lastFailure: string | null, lastUploadError: string | null): SyncProblem | null {
  const code = lastFailure ?? lastUploadError ?? (online ? null : 'NETWORK');
  return code ? { reason: syncProblemOf(code), code, serverUrl } : null;
}

/**
 * What the status screen and the heartbeat report about this terminal's sync. `offset`: the clock
 * offset as it holds now (SyncClient.clockOffset), unknown until measured again after the clock was set.
 */
export function syncStatus(
  db: Db,
  online: boolean,
  clockBoundMs: number,
  offset: StoredClockOffset | null,
  lastFailure: string | null = null,
): Omit<SyncStatusView, 'timeZone' | 'conflicts'> {
  const id = loadIdentity(db);
  const up = uploadStatus(db);
  const clock = clockState(offset, clockBoundMs);
  return {
    problem: id ? problemOf(id.serverUrl, online, lastFailure, up.lastError) : null,
    enrolled: id !== null,
    terminal: id ? { id: id.terminalId, name: id.name, hall: id.hall, ticketPrefix: getMeta(db, TICKET_PREFIX_KEY) } : null,
    online: id !== null && online,
    backlog: up.pending,
    lastSyncAt: up.lastSuccessAt,
    lastError: up.lastError,
    clock: {
      state: clock.state,
      offsetMs: clock.state === 'unknown' ? null : clock.offsetMs,
      boundMs: clockBoundMs,
      measuredAt: clock.state === 'unknown' ? null : clock.measuredAt,
    },
    deadLetters: deadLetters(db).map((d) => ({ deviceSeq: d.deviceSeq, type: d.type, createdAt: d.createdAt, deadAt: d.deadAt, reason: d.reason })),
  };
}

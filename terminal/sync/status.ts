import type { SyncStatusView } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { getMeta } from '../../core/db/meta.js';
import { TICKET_PREFIX_KEY } from '../../core/sync/client.js';
import { clockState, type StoredClockOffset } from '../../core/sync/clock.js';
import { loadIdentity } from '../../core/sync/identity.js';
import { deadLetters, uploadStatus } from '../../core/sync/upload.js';

/**
 * What the status screen and the heartbeat report about this terminal's sync. `offset`: the clock
 * offset as it holds now (SyncClient.clockOffset), unknown until measured again after the clock was set.
 */
export function syncStatus(db: Db, online: boolean, clockBoundMs: number, offset: StoredClockOffset | null): Omit<SyncStatusView, 'timeZone' | 'conflicts'> {
  const id = loadIdentity(db);
  const up = uploadStatus(db);
  const clock = clockState(offset, clockBoundMs);
  return {
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

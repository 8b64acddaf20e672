import type { SyncStatusView } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { getMeta } from '../../core/db/meta.js';
import { TICKET_PREFIX_KEY } from '../../core/sync/client.js';
import { clockState, loadClockOffset } from '../../core/sync/clock.js';
import { loadIdentity } from '../../core/sync/identity.js';
import { deadLetters, uploadStatus } from '../../core/sync/upload.js';

/** What the status screen and the heartbeat report about this terminal's sync. */
export function syncStatus(db: Db, online: boolean, clockBoundMs: number): Omit<SyncStatusView, 'timeZone'> {
  const id = loadIdentity(db);
  const up = uploadStatus(db);
  const clock = clockState(loadClockOffset(db), clockBoundMs);
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

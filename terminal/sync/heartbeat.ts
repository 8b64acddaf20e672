import { HeartbeatResponse } from '../../core/contract/index.js';
import type { Db } from '../../core/db/connection.js';
import { uploadedHead } from '../../core/ratings/chain.js';
import { syncProblemOf } from '../../core/common/sync-problem.js';
import { SyncRequestError, type SyncClient } from '../../core/sync/client.js';
import { SYNC_PROBLEM_LOG, syncStatus } from './status.js';

/** Tells the central server this terminal's backlog, dead letters, last sync, clock offset (for `terminal list`) and rating chain head (for its verification). */
export async function sendHeartbeat(db: Db, client: SyncClient, version: string): Promise<void> {
  const s = syncStatus(db, true, 0, client.clockOffset());
  const body = { version, outboxPending: s.backlog, clockOffsetMs: s.clock.offsetMs, deadLetters: s.deadLetters.length, lastSyncAt: s.lastSyncAt, ratingChainHead: uploadedHead(db) };
  HeartbeatResponse.parse(await client.request('POST', '/api/terminal/heartbeat', body));
}

export function startHeartbeat(db: Db, client: SyncClient, version: string, opts: { intervalMs?: number; log?: (l: string) => void } = {}): { beat(): void; stop(): void } {
  let stopped = false;
  const beat = () =>
    void sendHeartbeat(db, client, version).catch((err: unknown) => {
      // A beat still in flight when the service stops fails on the closed database: nothing to say then.
      if (stopped) return;
      const code = (err as Error).message;
      const url = client.identity()?.serverUrl;
      opts.log?.(url && err instanceof SyncRequestError ? `Heartbeat failed (${code}): ${SYNC_PROBLEM_LOG[syncProblemOf(code)](url)}` : `Heartbeat failed: ${code}`);
    });
  const timer = setInterval(beat, opts.intervalMs ?? 60_000);
  timer.unref();
  beat();
  return {
    beat,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

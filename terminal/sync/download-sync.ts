import type { SyncClient } from '../../core/sync/client.js';
import { downloadCursor, Downloader, type PullResult } from '../../core/sync/downloader.js';
import type { Db } from '../../core/db/connection.js';
import type { BackoffOptions } from './backoff.js';
import { LiveClient, type LiveState } from './live-client.js';

export interface DownloadSyncOptions {
  /** A pull on this timer too, in case a live message was missed. */
  intervalMs?: number;
  backoff?: BackoffOptions;
  log?: (line: string) => void;
  onPulled?: (r: PullResult) => void;
  onLiveState?: (state: LiveState, detail?: string) => void;
  /** The server was heard on the live socket. */
  onLiveHeard?: () => void;
  /** A hall event (queue calls and the like) pushed by the server. */
  onHall?: (event: unknown) => void;
}

export interface DownloadSync {
  pullNow(): Promise<void>;
  stop(): void;
}

/** Keeps the terminal's reference data current: pulls when the live channel says so, and on a timer. */
export function startDownloadSync(db: Db, client: SyncClient, opts: DownloadSyncOptions = {}): DownloadSync {
  const downloader = new Downloader(db, client);
  const log = opts.log ?? (() => {});
  const pullNow = () =>
    downloader.pull().then(
      (r) => opts.onPulled?.(r),
      (err: unknown) => log(`Download from the central server failed: ${(err as Error).message}`),
    );
  const live = new LiveClient(client, {
    backoff: opts.backoff,
    onState: opts.onLiveState,
    onHeard: opts.onLiveHeard,
    onMessage: (msg) => {
      if (msg.type === 'changes' && msg.seq !== downloadCursor(db)) void pullNow();
      if (msg.type === 'hall') opts.onHall?.(msg.event);
    },
  });
  live.start();
  const timer = setInterval(() => void pullNow(), opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    pullNow,
    stop() {
      clearInterval(timer);
      live.stop();
    },
  };
}

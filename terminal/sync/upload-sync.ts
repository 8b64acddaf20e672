import type { SyncClient } from '../../core/sync/client.js';
import type { Db } from '../../core/db/connection.js';
import { onAppend } from '../../core/outbox/outbox.js';
import { Uploader, uploadStatus, type UploaderOptions, type UploadRound, type UploadStatus } from '../../core/sync/upload.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';

export const UPLOAD_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 };

export interface UploadSyncOptions extends UploaderOptions {
  /** An upload on this timer too, in case a trigger was missed. */
  intervalMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  log?: (line: string) => void;
  onRound?: (r: UploadRound) => void;
}

export interface UploadSync {
  /** Upload now unless a retry is waiting out its backoff; `force` (on reconnect) cuts the wait short. */
  kick(opts?: { force?: boolean }): void;
  /** Resolves when the outbox is empty or the uploader is waiting to retry. */
  settled(): Promise<void>;
  status(): UploadStatus;
  stop(): void;
}

/**
 * Drains the outbox to the central server: on every local write, on a timer and on reconnect, with
 * exponential backoff and jitter after a failure. Single-flight: never two uploads at once.
 */
export function startUploadSync(db: Db, client: SyncClient, opts: UploadSyncOptions = {}): UploadSync {
  const uploader = new Uploader(db, client, opts);
  const log = opts.log ?? (() => {});
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let again = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  // Only rounds() clears busy, at the moment it decides to stop: a later clear could let a second
  // drain start beside one already running.
  const drain = () =>
    rounds().catch((err: unknown) => {
      busy = false;
      log(`Upload loop stopped on an unexpected error: ${(err as Error).message}`);
    });

  async function rounds(): Promise<void> {
    for (;;) {
      again = false;
      let r: UploadRound;
      try {
        r = await uploader.round();
      } catch (err) {
        r = { kind: 'retry', code: (err as Error).message, status: null };
      }
      opts.onRound?.(r);
      if (r.kind === 'retry') {
        const wait = backoffDelay(failures++, opts.backoff ?? UPLOAD_BACKOFF, opts.random);
        log(`Upload to the central server failed (${r.code}); retrying in ${wait} ms.`);
        if (!stopped) retryTimer = setTimeout(() => run(true), wait);
        busy = false;
        return;
      }
      failures = 0;
      if (r.kind === 'dead-lettered') log(`The central server refused event(s) ${r.seqs.join(', ')}; kept as dead letters for staff.`);
      // busy is cleared in the same tick as the last look at `again`, so no trigger falls in between.
      if (stopped || ((r.kind === 'idle' || (r.kind === 'sent' && !r.more)) && !again)) {
        busy = false;
        return;
      }
    }
  }

  function run(force: boolean): void {
    if (stopped) return;
    if (retryTimer) {
      if (!force) return;
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = drain();
  }

  const unsubscribe = onAppend(db, () => run(false));
  const timer = setInterval(() => run(false), opts.intervalMs ?? 30_000);
  timer.unref();
  run(false);

  return {
    kick: (o) => run(o?.force ?? false),
    async settled() {
      while (busy) await running;
    },
    status: () => uploadStatus(db),
    stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}

import type { Db } from '../core/db/connection.js';
import { purgeTerminal, type TerminalRetention } from '../core/retention/purge.js';

export interface PurgeTimerOptions {
  /** The hall's clock (the queue's, corrected by the server's offset). */
  now: () => Date;
  timeZone: string;
  keep: TerminalRetention;
  log: (line: string) => void;
  everyMs?: number;
}

/** Purges at start and then hourly (core/retention/purge); returns its stop. A failed round is logged and the next tries again. */
export function startPurgeTimer(db: Db, opts: PurgeTimerOptions): () => void {
  const log = opts.log;
  const run = () => {
    try {
      const r = purgeTerminal(db, opts.now(), opts.timeZone, opts.keep);
      const removed = r.appointments + r.tickets + r.printJobs + r.opinions + r.handovers;
      if (removed) log(`Retention purge: ${r.appointments} appointments, ${r.tickets} tickets, ${r.printJobs} print jobs, ${r.opinions} opinions removed, ${r.handovers} hand-over recipients cleared.`);
    } catch (err) {
      log(`Retention purge failed: ${(err as Error).message}`);
    }
  };
  run();
  const timer = setInterval(run, opts.everyMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}

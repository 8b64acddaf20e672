import { escalateOverdueCases } from '../cases/repository.js';
import { escalateOverdueComplaints } from '../complaints/repository.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { every } from '../jobs/every.js';
import { hallDay } from '../../core/common/hall-time.js';

/** Escalates every overdue case and complaint as of now; run on read and every few minutes. */
export async function escalateOverdue(db: ServerDb, config: Pick<ServerConfig, 'now' | 'hallTimeZone'>): Promise<number> {
  const now = new Date(config.now());
  const today = hallDay(now, config.hallTimeZone);
  return (await escalateOverdueComplaints(db, today, now)) + (await escalateOverdueCases(db, today, now));
}

/** The periodic check; returns its stop. Failures are reported and the next round tries again. */
export function startEscalation(db: ServerDb, config: ServerConfig, everyMs: number, warn: (msg: string) => void): () => void {
  return every(everyMs, () => escalateOverdue(db, config), (err) => warn(`overdue escalation failed: ${err.message}`));
}

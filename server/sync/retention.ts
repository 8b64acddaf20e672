import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { every } from '../jobs/every.js';
import { pruneChangesOlderThan } from './changes.js';

const DAY_MS = 86_400_000;

/**
 * Prunes the download feed every `everyMs`, keeping CHANGE_RETENTION_DAYS days by the server's
 * clock (0: keeps everything, no job). Returns its stop.
 */
export function startChangePruning(db: ServerDb, config: Pick<ServerConfig, 'now' | 'changeRetentionDays'>, everyMs: number, warn: (msg: string) => void): () => void {
  if (config.changeRetentionDays <= 0) return () => {};
  const keepMs = config.changeRetentionDays * DAY_MS;
  return every(everyMs, () => pruneChangesOlderThan(db, new Date(config.now()), keepMs), (err) => warn(`pruning the change feed failed: ${err.message}`));
}

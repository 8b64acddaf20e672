import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_ROOT } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { importHallConfig } from './repository.js';

export const DEFAULT_HALL_FILE = join(SERVER_ROOT, 'assets/hall/default.json');

/**
 * A server with no hall configured gets the default one, so kiosks can issue tickets on first start.
 * Returns what to tell the operator, or null when a hall was already configured.
 */
export async function ensureHallConfig(db: ServerDb, now: Date, file = DEFAULT_HALL_FILE): Promise<{ ok: boolean; message: string } | null> {
  const any = await db.selectFrom('hall_configs').select('hall').limit(1).executeTakeFirst();
  if (any) return null;
  const result = await importHallConfig(db, readFileSync(file, 'utf8'), now);
  if (!result.ok) return { ok: false, message: `No hall is configured and the default in ${file} is not valid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
  return { ok: true, message: `No hall was configured: imported ${result.halls.map((h) => h.hall).join(', ')} from ${file} (change it with "npm run server:admin -- hall import FILE")` };
}

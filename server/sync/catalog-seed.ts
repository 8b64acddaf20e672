import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerDb } from '../db/connection.js';
import { importServerCatalog } from './catalog.js';

/**
 * Imports CATALOG_FILE when the server holds no catalog or a different one than the file (by hash),
 * so the embedded office's server knows the catalog its terminals show. Returns what to tell the
 * operator, or null when the server holds this file already.
 */
export async function ensureCatalog(db: ServerDb, file: string, now: Date): Promise<{ ok: boolean; message: string } | null> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `CATALOG_FILE ${file} cannot be read: ${(err as Error).message}` };
  }
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  const held = await db.selectFrom('catalog').select('hash').where('id', '=', 1).executeTakeFirst();
  if (held?.hash === hash) return null;
  const result = await importServerCatalog(db, text, now);
  if (!result.ok) {
    const kept = held ? 'the catalog held before stays' : 'this server holds no catalog and books no procedure';
    return { ok: false, message: `The catalog in ${file} was not imported (${kept}): ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
  }
  return { ok: true, message: `Catalog imported from ${file}: ${result.procedures} procedures (change ${result.seq})` };
}

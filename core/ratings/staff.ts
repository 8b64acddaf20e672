import type { Db } from '../db/connection.js';

/** A clerk's name by staff number, from the staff replica; null when this terminal does not know them. */
export function staffNameByNumber(db: Db, number: string): string | null {
  const r = db.prepare('SELECT name FROM staff WHERE number = ? ORDER BY disabled, login LIMIT 1').get(number) as { name: string } | undefined;
  return r?.name ?? null;
}

import type { Db } from '../db/connection.js';

/**
 * A clerk's name by staff number: from the staff replica (a counter holds its hall's clerks), else from
 * who the hall's counters show signed in (a kiosk holds no staff records); null when this terminal does not know them.
 */
export function staffNameByNumber(db: Db, number: string): string | null {
  const r = db.prepare('SELECT name FROM staff WHERE number = ? ORDER BY disabled, login LIMIT 1').get(number) as { name: string } | undefined;
  if (r) return r.name;
  const p = db.prepare("SELECT doc ->> 'staffName' AS name FROM counter_presence WHERE doc ->> 'staffNumber' = ? AND doc ->> 'staffName' IS NOT NULL LIMIT 1").get(number) as { name: string } | undefined;
  return p?.name ?? null;
}

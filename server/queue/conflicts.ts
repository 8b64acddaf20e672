import type { Selectable } from 'kysely';
import type { QueueConflict } from '../../core/contract/index.js';
import type { ServerDb } from '../db/connection.js';
import type { QueueConflictsTable } from './schema.js';

export function toConflict(r: Selectable<QueueConflictsTable>): QueueConflict {
  return { id: r.id, hall: r.hall, ticketId: r.ticket_id, number: r.number, kind: r.kind, keptCounter: r.kept_counter, lostCounter: r.lost_counter, lostAt: r.lost_at.toISOString(), detectedAt: r.detected_at.toISOString() };
}

/** A hall's conflicts on a day, in the order they were found. */
export async function conflictsOn(db: ServerDb, hall: string, day: string): Promise<QueueConflict[]> {
  const rows = await db.selectFrom('queue_conflicts').selectAll().where('hall', '=', hall).where('day', '=', day).orderBy('detected_at').orderBy('id').execute();
  return rows.map(toConflict);
}

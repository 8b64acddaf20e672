import { sql } from 'kysely';
import { scrubbedPayload } from '../../core/common/event-scrub.js';
import { addDays, hallDay, hallInstant } from '../../core/common/hall-time.js';
import { maskPersonalText } from '../../core/common/personal-text.js';
import { OPINION_EVENT } from '../../core/contract/index.js';
import { maskPhone } from '../appointments/repository.js';
import { purgeCertificates } from '../certificates/purge.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { every } from '../jobs/every.js';

export interface ServerPurgeResult {
  complaints: number;
  appointments: number;
  events: number;
  /** Hand-overs, mail records, phones and raw events of certificates purged (server/certificates/purge.ts). */
  certificates: number;
}

type PurgeConfig = Pick<ServerConfig, 'now' | 'hallTimeZone' | 'retention'>;

/** A phone cut down to what every terminal holds anyway: 139****4321 (the kiosk lookup still checks the last four). */
const isMasked = (phone: string) => phone.includes('*');

/**
 * One purge, by the hall's day at the configured clock: closed complaints past their retention lose
 * their text and full phone (and any phone or ID number in the answers and notes), their raw
 * `opinion.filed` events lose the same (core/common/event-scrub); appointments past theirs keep the
 * phone masked only. Ratings are not touched: their comments were masked before hashing on the
 * terminal, so they hold nothing to purge and their chains still verify. Idempotent.
 */
export async function purgeServer(db: ServerDb, config: PurgeConfig): Promise<ServerPurgeResult> {
  const now = new Date(config.now());
  const today = hallDay(now, config.hallTimeZone);
  const since = (days: number) => new Date(hallInstant(addDays(today, -days), '00:00', config.hallTimeZone));
  const result = await db.transaction().execute(async (tx): Promise<ServerPurgeResult> => {
    const closed = await tx
      .selectFrom('complaints as c')
      .select(['c.id', 'c.phone', 'c.response', 'c.feedback'])
      .where('c.state', '=', 'closed')
      .where((eb) => eb.or([eb('c.text', '<>', ''), eb.and([eb('c.phone', 'is not', null), eb('c.phone', 'not like', '%*%')])]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('complaint_steps as s')
            .select('s.seq')
            .whereRef('s.complaint_id', '=', 'c.id')
            .where('s.action', '=', 'close')
            .where('s.at', '<', since(config.retention.complaintDays)),
        ),
      )
      .forUpdate()
      .execute();
    let events = 0;
    for (const c of closed) {
      await tx
        .updateTable('complaints')
        .set({ text: '', phone: c.phone && !isMasked(c.phone) ? maskPhone(c.phone).phoneMasked : c.phone, response: maskPersonalText(c.response), feedback: maskPersonalText(c.feedback) })
        .where('id', '=', c.id)
        .execute();
      for (const s of await tx.selectFrom('complaint_steps').select(['seq', 'note']).where('complaint_id', '=', c.id).where('note', 'is not', null).execute()) {
        const note = maskPersonalText(s.note);
        if (note !== s.note) await tx.updateTable('complaint_steps').set({ note }).where('seq', '=', s.seq).execute();
      }
      const raw = await tx.selectFrom('events').select(['terminal_id', 'device_seq', 'payload']).where('type', '=', OPINION_EVENT).where(sql<string>`payload->>'id'`, '=', c.id).execute();
      for (const e of raw) {
        const kept = scrubbedPayload(OPINION_EVENT, e.payload);
        if (!kept) continue;
        await tx.updateTable('events').set({ payload: JSON.stringify(kept) }).where('terminal_id', '=', e.terminal_id).where('device_seq', '=', e.device_seq).execute();
        events++;
      }
    }
    const due = await tx
      .selectFrom('appointments')
      .select(['id', 'phone'])
      .where('day', '<', addDays(today, -config.retention.appointmentPhoneDays))
      .where('phone', 'not like', '%*%')
      .forUpdate()
      .execute();
    for (const a of due) await tx.updateTable('appointments').set({ phone: maskPhone(a.phone).phoneMasked }).where('id', '=', a.id).execute();
    const certificates = await purgeCertificates(tx, since(config.retention.certificateDays));
    return { complaints: closed.length, appointments: due.length, events, certificates };
  });
  const tables = new Set<string>();
  if (result.complaints > 0) ['complaints', 'complaint_steps', 'events', 'appointments'].forEach((t) => tables.add(t));
  if (result.appointments > 0) tables.add('appointments');
  if (result.certificates > 0) ['certificate_handovers', 'certificate_mail', 'certificates', 'events'].forEach((t) => tables.add(t));
  if (tables.size) await compact(db, [...tables]);
  return result;
}

/**
 * PostgreSQL keeps an updated row's old version in the table file until it is rewritten, and the
 * change in its write-ahead log: VACUUM FULL rewrites the purged tables; on the embedded database
 * the log segments holding the old versions are then switched out and removed (not recycled). On a
 * PostgreSQL server its WAL, archives and backups follow the DBA's own retention (server/README.md).
 */
async function compact(db: ServerDb, tables: string[]): Promise<void> {
  for (const t of tables) await sql`VACUUM FULL ${sql.table(t)}`.execute(db);
  const { rows } = await sql<{ v: string }>`SELECT version() AS v`.execute(db);
  if (!rows[0]?.v.includes('PGlite')) return;
  await sql`SET wal_recycle = off`.execute(db);
  for (let i = 0; i < 2; i++) {
    await sql`SELECT pg_switch_wal()`.execute(db);
    await sql`CHECKPOINT`.execute(db);
  }
}

/** The hourly purge; returns its stop. Failures are reported and the next round tries again. */
export function startRetentionPurge(db: ServerDb, config: PurgeConfig, everyMs: number, warn: (msg: string) => void): () => void {
  return every(everyMs, () => purgeServer(db, config), (err) => warn(`the retention purge failed: ${err.message}`));
}

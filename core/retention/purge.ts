import { addDays, hallDay, hallInstant } from '../common/hall-time.js';
import { CERTIFICATE_EVENTS } from '../contract/certificates.js';
import { OPINION_EVENT } from '../contract/opinions.js';
import { checkpointTruncate, type Db } from '../db/connection.js';
import { scrubAcknowledged } from '../outbox/scrub.js';

/** How long this terminal keeps what it still holds about visitors (terminal/config.ts, README "Configuration"). */
export interface TerminalRetention {
  /** Appointments (enterprise, masked phone, last four digits) this many days after their day. */
  appointmentDays: number;
  /** Finished tickets (an appointment's enterprise) and their printed slips, this many days after their day. */
  ticketDays: number;
  /** An opinion's code and last four phone digits, for the offline progress lookup, this many days after filing. */
  opinionDays: number;
  /** A certificate hand-over's recipient name and ID last four (hash too), this many days after the hand-over, once uploaded. */
  certificateDays: number;
}

export interface PurgeResult {
  scrubbedEvents: number;
  appointments: number;
  tickets: number;
  printJobs: number;
  opinions: number;
  /** Hand-overs whose recipient name and ID digits were cleared. */
  handovers: number;
}

const FINISHED = "('done', 'no-show', 'not-served')";

/**
 * One purge of this terminal, by the hall's day at `now`: events the server acknowledged lose their
 * personal data, and what is past its retention is deleted; then the write-ahead log is emptied so
 * nothing purged stays readable in the files. A day counts as over at the hall's midnight.
 */
export function purgeTerminal(db: Db, now: Date, timeZone: string, keep: TerminalRetention): PurgeResult {
  const today = hallDay(now, timeZone);
  const before = (days: number) => addDays(today, -days);
  /** The hall's midnight that began the first day still kept. */
  const since = (days: number) => new Date(hallInstant(before(days), '00:00', timeZone)).toISOString();
  const scrubbedEvents = scrubAcknowledged(db, now);
  const result = db.transaction((): PurgeResult => {
    const appointments = db.prepare('DELETE FROM appointment WHERE date < ?').run(before(keep.appointmentDays)).changes;
    // A ticket still open (a service begun before midnight) stays whatever its day.
    const tickets = db.prepare(`DELETE FROM queue_ticket WHERE day < ? AND state IN ${FINISHED}`).run(before(keep.ticketDays)).changes;
    const printJobs = db
      .prepare(
        `DELETE FROM print_job WHERE state IN ('done', 'failed') AND created_at < ?
           AND id NOT IN (SELECT reprint_of FROM print_job WHERE reprint_of IS NOT NULL)`,
      )
      .run(since(keep.ticketDays)).changes;
    // Only once the server has it: an opinion not yet uploaded is kept, whatever its age.
    const opinions = db
      .prepare(
        `DELETE FROM opinion WHERE filed_at < ?
           AND event_id IN (SELECT event_id FROM outbox WHERE type = ? AND sent_at IS NOT NULL)`,
      )
      .run(since(keep.opinionDays), OPINION_EVENT).changes;
    // The fact of a hand-over (when, where, by whom) stays; who collected goes, once the server has the event.
    const handovers = db
      .prepare(
        `UPDATE certificate_handover SET recipient_name = NULL, id_hash = NULL, id_last4 = NULL, purged_at = ?
           WHERE purged_at IS NULL AND at < ?
           AND id IN (SELECT json_extract(payload, '$.id') FROM outbox WHERE type = ? AND sent_at IS NOT NULL)`,
      )
      .run(now.toISOString(), since(keep.certificateDays), CERTIFICATE_EVENTS.handedOver).changes;
    return { scrubbedEvents, appointments, tickets, printJobs, opinions, handovers };
  })();
  if (result.appointments + result.tickets + result.printJobs + result.opinions + result.handovers > 0) checkpointTruncate(db);
  return result;
}

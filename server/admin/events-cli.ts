import { loadCalendar } from '../calendar/calendar.js';
import type { ServerConfig } from '../config.js';
import type { ServerDb } from '../db/connection.js';
import { eventAppliers } from '../events/appliers.js';
import { openFailures } from '../events/failures.js';
import { reapplyFailedEvents } from '../events/reapply.js';
import { fmt, table } from './table.js';

/** `events failed`: the uploaded events that could not be applied, with why. */
export async function failedEventsReport(db: ServerDb, json: boolean): Promise<string> {
  const rows = await openFailures(db);
  if (json) return JSON.stringify(rows, null, 2);
  if (!rows.length) return 'Every uploaded event has been applied.';
  const body = rows.map((f) => [f.eventId, `${f.terminalName} (${f.terminalId})`, String(f.deviceSeq), f.type, String(f.attempts), fmt(f.firstFailedAt), fmt(f.lastFailedAt), f.reason]);
  return [
    `${rows.length} uploaded event(s) could not be applied; after a fix, \`events reapply\` tries them again.`,
    table(['EVENT', 'TERMINAL', 'SEQ', 'TYPE', 'ATTEMPTS', 'FIRST FAILED', 'LAST FAILED', 'REASON'], body),
  ].join('\n');
}

/**
 * `events reapply`: each failed event once more. Answers its report and whether all applied. A
 * queue change made here is not pushed to the halls: their terminals see it when they next
 * reconnect and refresh their queue.
 */
export async function reapplyReport(db: ServerDb, config: ServerConfig): Promise<{ lines: string[]; allApplied: boolean }> {
  const appliers = eventAppliers(config, loadCalendar(config.holidaysFile), () => {});
  const done = await reapplyFailedEvents(db, appliers, () => new Date(config.now()));
  if (!done.length) return { lines: ['No uploaded event is waiting to be applied.'], allApplied: true };
  const lines = done.map((r) => `${r.reason === null ? 'applied' : 'fails  '}  ${r.eventId}  ${r.type}  terminal ${r.terminalId} seq ${r.deviceSeq}${r.reason === null ? '' : `: ${r.reason}`}`);
  const failing = done.filter((r) => r.reason !== null).length;
  lines.push(`${done.length - failing} of ${done.length} applied${failing ? `; ${failing} still fail and stay in \`events failed\`` : ''}.`);
  return { lines, allApplied: failing === 0 };
}
